// The chair's conclusion notice (thông báo kết luận, issue 14) through the real core: its body from
// the conclusion and the register's tasks, the draft rules it shares with the minutes (kept edits,
// stale notice, lock with revision), and the .docx per NĐ 30 Mẫu 1.4 (State) and HD 36 (Party),
// checked in the XML and by position on the page LibreOffice lays out.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertMillimetersToTwip } from 'docx';
import { tempCore, type TestCore } from '../../helpers/core';
import { stopRenderWorker } from '../../../electron/core/documents/render-worker';
import { generateNotice, issuerTitle, noticeDirections, noticeSubject } from '../../../electron/core/documents/notice';
import { exportDocument } from '../../../electron/cli/export-docs';
import { runCli } from '../../../electron/cli/main';
import type { DocBlock } from '../../../electron/shared/documents';
import type { MeetingRecord } from '../../../electron/shared/domain';
import { tables, textProblems, unpack, hasLibreOffice } from '../documents/helpers';
import { findPhrase, locate, pdfLayout, toPdf } from '../documents/corpus-helpers';
import { PARTY_PROFILE, STATE_PROFILE, byText, paragraphs, startingWith } from './helpers';

let core: TestCore;
let meetingId: number;
let record: MeetingRecord;
let directions: string[];

const texts = (blocks: DocBlock[]): string[] => blocks.map((b) => (b.type === 'heading' || b.type === 'paragraph' ? b.text : ''));

beforeAll(async () => {
  core = tempCore();
  await core.call('profile.save', STATE_PROFILE);
  meetingId = (await core.call('sample.load', { name: 'bac-tu-liem-2019' })).id;
  record = await core.call('meeting.get', { id: meetingId });
  directions = record.speeches.filter((s) => s.kind === 'conclusion').flatMap((s) => s.directions);
  expect(directions.length).toBeGreaterThanOrEqual(4);
});
afterAll(async () => {
  core.dispose();
  await stopRenderWorker();
});

describe('the notice body', () => {
  it('numbers every direction, with the agency and deadline of the task that carries it', () => {
    // Task texts match their direction ignoring case, tone marks and the final full stop.
    const tasks = [
      { content: `${directions[1]!.toLocaleUpperCase('vi')}.`, agency: 'Hội Liên hiệp Phụ nữ phường', deadline: '2019-12-31' },
      { content: directions[0]!, agency: 'Văn phòng HĐND và UBND phường', deadline: null },
      { content: 'Rà soát, báo cáo kết quả thực hiện', agency: '', deadline: '2020-01-15' },
    ];
    const dirs = noticeDirections(record, tasks);
    expect(dirs.map((d) => d.agency)).toEqual(['Văn phòng HĐND và UBND phường', 'Hội Liên hiệp Phụ nữ phường', ...directions.slice(2).map(() => ''), '']);
    expect(dirs.at(-1)).toMatchObject({ content: 'Rà soát, báo cáo kết quả thực hiện', deadline: '2020-01-15' });
    // The direction's own wording is printed, not the task's capitals.
    expect(dirs[1]!.content).toBe(directions[1]!.trim().replace(/[\s;,.…:]+$/u, ''));

    const blocks = generateNotice(record, null, tasks);
    const t = texts(blocks);
    expect(blocks[0]).toEqual({ type: 'heading', text: noticeSubject(record) });
    expect(t[0]).toMatch(/^Kết luận của đồng chí Trương Quang Thiều – Bí thư Quận ủy tại Hội nghị đối thoại .* ngày 18\/10\/2019$/u);
    const a = t.find((x) => x.startsWith('a) '))!;
    expect(a).toMatch(/Đơn vị thực hiện: Văn phòng HĐND và UBND phường\.$/u);
    const b = t.find((x) => x.startsWith('b) '))!;
    expect(b).toMatch(/Đơn vị thực hiện: Hội Liên hiệp Phụ nữ phường; thời hạn: trước ngày 31\/12\/2019\.$/u);
    const c = t.find((x) => x.startsWith('c) '))!;
    expect(c).not.toMatch(/Đơn vị thực hiện|Thời hạn/u);
    const last = t.filter((x) => /^[a-zđ]\) /u.test(x)).at(-1)!;
    expect(last).toBe('đ) Rà soát, báo cáo kết quả thực hiện. Thời hạn: trước ngày 15/01/2020.'.replace('đ)', last.slice(0, 2)));
    expect(t.at(-1)).toMatch(/thông báo để các cơ quan, đơn vị, cá nhân liên quan biết, thực hiện\.\/\.$/u);
    // The app's own sentences are clean (the conclusion's summary is the record's words, as typed).
    const summaries = record.speeches.map((s) => s.summary.trim().replace(/[\s;,.…:]+$/u, '')).filter(Boolean);
    for (const x of t.filter((y) => !summaries.some((s) => y.includes(s)))) expect(textProblems(x), x).toEqual([]);
  });

  it('names the chair by the title that speaks for the issuer', () => {
    const a = { titles: ['Phó Bí thư Đảng ủy', 'Chủ tịch UBND xã'] };
    expect(issuerTitle(a, false)).toBe('Chủ tịch UBND xã');
    expect(issuerTitle(a, true)).toBe('Phó Bí thư Đảng ủy');
    expect(issuerTitle({ titles: ['TUV', 'Trưởng ban'] }, false)).toBe('Trưởng ban');
  });

  it('lists the kiến nghị still owed a written answer, by agency, with the earliest deadline', async () => {
    const recs = record.recommendations.filter((r) => r.phase === 'during').slice(0, 2);
    const reply = await core.call('reply.create', { meetingId, kind: 'written_later', agency: 'Phòng Kinh tế, Hạ tầng và Đô thị', deadline: '2019-11-30', content: '', recommendationIds: recs.map((r) => r.id) });
    const withReply = await core.call('meeting.get', { id: meetingId });
    const t = texts(generateNotice(withReply, null, []));
    const head = t.findIndex((x) => /Đối với các ý kiến, kiến nghị chưa được trả lời tại hội nghị$/u.test(x));
    expect(head).toBeGreaterThan(0);
    expect(t[head + 1]).toMatch(/^- Giao Phòng Kinh tế, Hạ tầng và Đô thị xem xét, trả lời bằng văn bản các kiến nghị về: .+; thời hạn: trước ngày 30\/11\/2019\.$/u);
    for (const r of recs) expect(t[head + 1]).toContain((r.shortPhrase || r.content).trim().replace(/[\s;,.…:]+$/u, ''));
    await core.call('reply.remove', { id: reply.id });
  });
});

describe('the notice draft', () => {
  it('keeps edits, goes stale when a task changes, keeps the text when the signer changes, locks with the record', async () => {
    const saved = await core.call('notice.saveTasks', {
      meetingId,
      tasks: [{ content: directions[0]!, agency: 'Phòng Văn hóa - Xã hội', deadline: '2019-12-15' }],
    });
    expect(saved).toHaveLength(1);
    const first = await core.call('doc.generate', { meetingId, kind: 'notice' });
    expect(first.edited).toBe(false);
    expect(JSON.stringify(first.blocks)).toContain('Đơn vị thực hiện: Phòng Văn hóa - Xã hội; thời hạn: trước ngày 15/12/2019.');

    const edited = [...first.blocks.slice(0, -1), { type: 'paragraph' as const, text: 'Đoạn thư ký tự viết.' }, first.blocks.at(-1)!];
    expect((await core.call('doc.save', { meetingId, kind: 'notice', blocks: edited })).edited).toBe(true);

    // A change in the register (the task's agency) makes the notice stale, edits kept.
    await core.call('notice.saveTasks', { meetingId, tasks: [{ uid: saved[0]!.uid, content: directions[0]!, agency: 'Công an phường', deadline: '2019-12-15' }] });
    const stale = (await core.call('doc.get', { meetingId, kind: 'notice' }))!;
    expect(stale.stale).toBe(true);
    expect(stale.blocks).toEqual(edited);

    // Number, date and signer change without touching the text.
    const withOptions = await core.call('doc.generate', { meetingId, kind: 'notice', options: { notice: { number: 7, date: '2019-10-25', authority: 'TL. CHỦ TỊCH', signerTitle: 'CHÁNH VĂN PHÒNG', signerName: 'Lê Văn Bình' } } });
    expect(withOptions.blocks).toEqual(edited);
    expect(withOptions.edited).toBe(true);
    expect(withOptions.options.notice).toMatchObject({ number: 7, date: '2019-10-25', signerName: 'Lê Văn Bình' });
    const doc = unpack(Buffer.from((await core.call('doc.export', { meetingId, kind: 'notice', format: 'docx' })).dataBase64, 'base64')).xml('word/document.xml');
    expect(doc).toContain('Đoạn thư ký tự viết.');
    expect(doc).toContain('Số: 07/TB-UBND');
    expect(doc).toContain('Tây Tựu, ngày 25 tháng 10 năm 2019');
    expect(doc).toContain('TL. CHỦ TỊCH');
    expect(doc).toContain('CHÁNH VĂN PHÒNG');
    expect(doc).toContain('Lê Văn Bình');

    // Replace: fresh text from the record and the tasks, the options kept.
    const fresh = await core.call('doc.generate', { meetingId, kind: 'notice', replace: true });
    expect(fresh.edited).toBe(false);
    expect(fresh.stale).toBe(false);
    expect(JSON.stringify(fresh.blocks)).toContain('Đơn vị thực hiện: Công an phường');
    expect(fresh.options.notice?.number).toBe(7);

    // Locked with the record (chốt biên bản): no edit, no replace, no signer change.
    await core.call('doc.save', { meetingId, kind: 'notice', blocks: edited });
    await core.call('meeting.finalize', { id: meetingId });
    const refusals = [
      await core.registry.dispatch('doc.save', { meetingId, kind: 'notice', blocks: fresh.blocks }),
      await core.registry.dispatch('doc.generate', { meetingId, kind: 'notice', replace: true }),
      await core.registry.dispatch('doc.generate', { meetingId, kind: 'notice', options: { notice: { number: 8 } } }),
    ];
    for (const r of refusals) expect(r.ok).toBe(false);
    expect((await core.call('doc.get', { meetingId, kind: 'notice' }))!.blocks).toEqual(edited);

    // After an unlock, editing the notice is a change to the record: a new revision on the file.
    await core.call('meeting.unlock', { id: meetingId, reason: 'Sửa thông báo theo ý kiến chủ trì' });
    const before = (await core.call('meeting.get', { id: meetingId })).meeting.revision;
    await core.call('doc.save', { meetingId, kind: 'notice', blocks: [...edited, { type: 'paragraph', text: 'Bổ sung.' }] });
    const after = (await core.call('meeting.get', { id: meetingId })).meeting.revision;
    expect(after).toBe(before + 1);
    const out = path.join(core.dir, 'tb.docx');
    await exportDocument(core, meetingId, 'notice', out);
    const xml = unpack(readFileSync(out)).xml('word/document.xml');
    if (after >= 2) expect(xml).toContain(`Lần sửa đổi: ${after}`);
    expect(xml).toContain('Bổ sung.');
  }, 60_000);

  it('the CLI writes the notice: thuky export ID --format notice', async () => {
    const out = path.join(core.dir, 'thong-bao.docx');
    core.close();
    try {
      const r = await runCli(['export', String(meetingId), '--format', 'notice', '--out', out, '--data', core.dir]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(unpack(readFileSync(out)).xml('word/document.xml')).toContain('THÔNG BÁO');
    } finally {
      const reopened = tempCore(core.dir);
      core = reopened;
    }
  }, 60_000);
});

async function noticeDocx(profile: typeof STATE_PROFILE): Promise<Buffer> {
  const c = tempCore();
  try {
    await c.call('profile.save', profile);
    const id = (await c.call('sample.load', { name: 'bac-tu-liem-2019' })).id;
    const rec = await c.call('meeting.get', { id });
    const dirs = rec.speeches.filter((s) => s.kind === 'conclusion').flatMap((s) => s.directions);
    await c.call('notice.saveTasks', { meetingId: id, tasks: [{ content: dirs[0]!, agency: 'Phòng Kinh tế, Hạ tầng và Đô thị', deadline: '2019-12-31' }] });
    const x = await c.call('doc.export', { meetingId: id, kind: 'notice', format: 'docx' });
    expect(x.fileName).toBe('Thong-bao-ket-luan-2019-10-18.docx');
    return Buffer.from(x.dataBase64, 'base64');
  } finally {
    c.dispose();
  }
}

describe('the notice as .docx (NĐ 30 Mẫu 1.4, HD 36)', () => {
  let state: Buffer;
  let party: Buffer;
  beforeAll(async () => {
    state = await noticeDocx(STATE_PROFILE);
    party = await noticeDocx(PARTY_PROFILE);
  }, 60_000);

  it('State: header, THÔNG BÁO, subject with its rule, body, signature and recipients', () => {
    const doc = unpack(state).xml('word/document.xml');
    const [header, signature] = tables(doc);
    const h = paragraphs(header!);
    expect(byText(h, 'UBND THÀNH PHỐ HÀ NỘI')).toMatchObject({ size: 13, bold: false });
    expect(byText(h, 'UBND PHƯỜNG TÂY TỰU')).toMatchObject({ size: 13, bold: true });
    expect(byText(h, 'Số:      /TB-UBND')).toMatchObject({ size: 13, bold: false });
    expect(byText(h, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatchObject({ bold: true });
    expect(byText(h, 'Độc lập - Tự do - Hạnh phúc')).toMatchObject({ bold: true });
    expect(byText(h, 'Tây Tựu, ngày …… tháng …… năm ……')).toMatchObject({ italic: true, size: 14 });
    expect(h.filter((p) => p.rule)).toHaveLength(2);
    const body = paragraphs(doc.replace(header!, '').replace(signature!, ''));
    const typeName = byText(body, 'THÔNG BÁO');
    expect(typeName).toMatchObject({ bold: true, center: true, size: 14 });
    const iType = body.indexOf(typeName);
    expect(body[iType + 1]).toMatchObject({ bold: true, center: true, size: 14 });
    expect(body[iType + 1]!.text).toMatch(/^Kết luận của đồng chí Trương Quang Thiều/u);
    // The short rule under the subject line.
    const ruleAt = body.findIndex((p, i) => i > iType && p.rule);
    expect(ruleAt).toBeGreaterThan(iType + 1);
    const text = startingWith(body, 'Ngày 18/10/2019');
    expect(text).toMatchObject({ justified: true, size: 14, firstLine: convertMillimetersToTwip(12.7) });
    expect(byText(body, '1. Đánh giá chung')).toMatchObject({ bold: true });
    expect(startingWith(body, 'a) ').text).toMatch(/Đơn vị thực hiện: Phòng Kinh tế, Hạ tầng và Đô thị; thời hạn: trước ngày 31\/12\/2019\.$/u);
    const s = paragraphs(signature!);
    expect(byText(s, 'Nơi nhận:')).toMatchObject({ bold: true, italic: true, size: 12 });
    expect(byText(s, '- Lưu: VT.')).toMatchObject({ size: 11 });
    expect(byText(s, 'TM. ỦY BAN NHÂN DÂN')).toMatchObject({ bold: true, size: 14 });
    expect(byText(s, 'CHỦ TỊCH')).toMatchObject({ bold: true, size: 14 });
    // The chair is Bí thư Quận ủy, not Chủ tịch of this UBND: no name under a title he does not hold.
    expect(s.map((p) => p.text)).not.toContain('Trương Quang Thiều');
    // The closing line names the body of the header, not the meeting's organiser (Quận Bắc Từ Liêm).
    expect(startingWith(body, 'UBND phường Tây Tựu thông báo').text).toBe('UBND phường Tây Tựu thông báo để các cơ quan, đơn vị, cá nhân liên quan biết, thực hiện./.');
    // Recipients in the left column, the signature in the right.
    const cells = signature!.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
    expect(cells[0]).toContain('Nơi nhận:');
    expect(cells[1]).toContain('TM. ỦY BAN NHÂN DÂN');
    // Times New Roman in every slot, in the defaults too.
    expect(unpack(state).xml('word/styles.xml')).toMatch(/w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/);
  });

  it('Party: ĐẢNG CỘNG SẢN VIỆT NAM, the star, "Số -TB/ĐU", T/M BAN THƯỜNG VỤ', () => {
    const doc = unpack(party).xml('word/document.xml');
    const [header, signature] = tables(doc);
    const h = paragraphs(header!);
    expect(byText(h, 'ĐẢNG CỘNG SẢN VIỆT NAM')).toMatchObject({ size: 15, bold: true });
    expect(byText(h, 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI')).toMatchObject({ size: 14, bold: false });
    expect(byText(h, 'ĐẢNG ỦY PHƯỜNG TÂY TỰU')).toMatchObject({ size: 14, bold: true });
    expect(byText(h, '*')).toBeTruthy();
    expect(byText(h, 'Số      -TB/ĐU')).toMatchObject({ size: 14 });
    expect(h.map((p) => p.text)).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const body = paragraphs(doc.replace(header!, '').replace(signature!, ''));
    expect(byText(body, 'THÔNG BÁO')).toMatchObject({ size: 16, bold: true });
    const s = paragraphs(signature!);
    expect(byText(s, 'T/M BAN THƯỜNG VỤ')).toMatchObject({ bold: true });
    expect(byText(s, 'BÍ THƯ')).toMatchObject({ bold: true });
  });

  it.runIf(hasLibreOffice())(
    'by position on the page: header columns, type name centred, signature right, recipients left, page numbers from page 2',
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'notice-pdf-'));
      try {
        const files = [path.join(dir, 'state.docx'), path.join(dir, 'party.docx')];
        writeFileSync(files[0]!, state);
        writeFileSync(files[1]!, party);
        const [statePdf, partyPdf] = toPdf(dir, files);
        for (const [pdf, nation, sign] of [
          [statePdf!, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TM. ỦY BAN NHÂN DÂN'],
          [partyPdf!, 'ĐẢNG CỘNG SẢN VIỆT NAM', 'T/M BAN THƯỜNG VỤ'],
        ] as const) {
          const pages = pdfLayout(pdf);
          const p1 = pages[0]!;
          expect(Math.round(p1.width)).toBe(210);
          const left = findPhrase(p1, 'TÂY TỰU')!;
          const right = findPhrase(p1, nation)!;
          // Left column inside the 30 mm margin, right column to its right, on the same band.
          expect(left.x0).toBeGreaterThan(29);
          expect(right.x0).toBeGreaterThan(left.x1);
          expect(Math.abs(right.y0 - left.y0)).toBeLessThan(12);
          const type = findPhrase(p1, 'THÔNG BÁO')!;
          // Centred in the text block (30 mm to 195 mm: the middle at 112.5 mm).
          expect(Math.abs((type.x0 + type.x1) / 2 - 112.5)).toBeLessThan(3);
          expect(type.y0).toBeGreaterThan(right.y1);
          const subject = findPhrase(p1, 'Kết luận của đồng chí')!;
          expect(subject.y0).toBeGreaterThan(type.y0 + 3);
          // No page number on page 1; "2" centred at the top of page 2.
          expect(p1.lines.some((l) => l.y1 < 20 && /^\d+$/.test(l.text))).toBe(false);
          if (pages.length > 1) {
            const n = pages[1]!.lines.find((l) => l.y1 < 20 && l.text === '2');
            expect(n).toBeTruthy();
            expect(Math.abs((n!.x0 + n!.x1) / 2 - 112.5)).toBeLessThan(3);
          }
          const auth = locate(pages, sign)!;
          const received = locate(pages, 'Nơi nhận:')!;
          expect(auth.page.n).toBe(received.page.n);
          expect(auth.box.x0).toBeGreaterThan(112.5);
          expect(received.box.x1).toBeLessThan(112.5);
          // The closing line comes before the signature, on the same page or the one before.
          const closing = locate(pages, 'hiện./.')!;
          expect(closing.page.n <= auth.page.n).toBe(true);
          if (closing.page.n === auth.page.n) expect(closing.box.y1).toBeLessThan(auth.box.y0);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});

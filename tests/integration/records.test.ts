// Meeting records (../shared/seed/README.md, copied to tests/fixtures/records) become meetings:
// every record imports, every fact of it is kept somewhere in the meeting, a bad record is refused
// with a message naming the field and nothing written, and the CLI does the same.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { tempCore, tempDir, REPO_ROOT, type TestCore } from '../helpers/core';
import { fingerprint } from '../helpers/fingerprint';

const DIR = path.join(REPO_ROOT, 'tests/fixtures/records');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const read = (f: string) => readFileSync(path.join(DIR, f), 'utf8');

type Rec = {
  meeting: { title: string | null; kind: string; date: string | null; session: string | null; purpose: string | null; compiledBy: string | null; legalBasis: string[]; attendance: { text: string | null; count: number | null } };
  people: { key: string; name: string | null; titles: string[]; role: string }[];
  speeches: { kind: string; summary: string; directions: string[] }[];
  recommendations: { phase: string; summary: string; topic: string | null }[];
  counts: Record<string, number | null>;
  replies: { kind: string; summary: string; to: string[]; agency: string | null }[];
  photos: unknown[];
  byline: string | null;
  publishedAt: string | null;
};

let core: TestCore | null = null;
afterEach(() => {
  core?.dispose();
  core = null;
});

describe('import-record', () => {
  it.each(FILES)('%s becomes a meeting that keeps every fact of the record', async (file) => {
    core = tempCore();
    const rec = JSON.parse(read(file)) as Rec;
    const m = await core.call('record.import', { json: read(file) });
    const got = await core.call('meeting.get', { id: m.id });
    expect(got.meeting).toMatchObject({
      title: rec.meeting.title ?? '',
      kind: rec.meeting.kind,
      date: rec.meeting.date,
      session: rec.meeting.session,
      purpose: rec.meeting.purpose ?? '',
      compiledBy: rec.meeting.compiledBy ?? '',
      legalBasis: rec.meeting.legalBasis,
      attendance: { text: rec.meeting.attendance.text ?? '', count: rec.meeting.attendance.count },
      byline: rec.byline ?? '',
      publishedAt: rec.publishedAt ?? '',
      status: 'closed',
    });
    for (const k of Object.keys(rec.counts)) expect(got.meeting.counts[k as keyof typeof got.meeting.counts], k).toBe(rec.counts[k]);
    expect(got.attendees.map((a) => a.fullName).sort()).toEqual(rec.people.map((p) => p.name ?? '').sort());
    expect(got.attendees.map((a) => a.role).sort()).toEqual(rec.people.map((p) => p.role).sort());
    expect(got.speeches.map((s) => s.kind).sort()).toEqual(rec.speeches.map((s) => s.kind).sort());
    expect(got.recommendations.map((r) => r.shortPhrase).sort()).toEqual(rec.recommendations.map((r) => r.summary).sort());
    expect(got.recommendations.map((r) => r.topic).sort()).toEqual(rec.recommendations.map((r) => r.topic ?? '').sort());
    // Reply kinds: the v2 "in_writing_later" is the app's "written_later"; links keep their targets.
    const kind = (k: string) => (k === 'in_writing_later' ? 'written_later' : k);
    expect(got.replies.map((r) => kind(r.kind)).sort()).toEqual(rec.replies.map((r) => kind(r.kind)).sort());
    for (const r of rec.replies) {
      const mine = got.replies.find((x) => x.content === r.summary)!;
      expect(mine.agency).toBe(r.agency ?? '');
      expect(mine.recommendationIds.length).toBe(r.to.length);
    }
    expect(got.photos).toHaveLength(rec.photos.length);
    // The order of events: an opening or a report comes before the hall's recommendations, a
    // conclusion after every reply.
    const seqOf = (kind: string) => got.speeches.filter((s) => s.kind === kind).map((s) => s.seq);
    const lastReply = Math.max(0, ...got.replies.map((r) => r.seq));
    for (const s of seqOf('conclusion')) expect(s).toBeGreaterThan(lastReply);
    const firstDuring = Math.min(...got.recommendations.filter((r) => r.phase === 'during').map((r) => r.seq), Infinity);
    for (const s of [...seqOf('opening'), ...seqOf('report')]) expect(s).toBeLessThan(firstDuring);
  });

  it('finds an imported meeting by folded search ("chi doan" finds "các chi đoàn")', async () => {
    core = tempCore();
    const m = await core.call('record.import', { json: read('06-chi-minh-thanh-nien-2025.json') });
    const hits = await core.call('search.query', { query: 'luc luong tre' });
    expect(hits.some((h) => h.meetingId === m.id && h.entity === 'meeting')).toBe(true);
  });

  it('reads a version 1 record (no format, no keys, no v2 fields)', async () => {
    core = tempCore();
    const v1 = {
      source: 'x',
      complete: true,
      meeting: { title: 'Hội nghị đối thoại với Nhân dân xã An Bình', organizer: 'UBND xã An Bình', date: '2024-03-05', audience: 'Nhân dân', locality: 'xã An Bình', location: null, startTime: null, session: null, kind: 'đối thoại' },
      people: [{ key: 'p1', name: 'Lê Văn A', titles: ['Chủ tịch UBND xã'], organization: 'xã An Bình', role: 'chair', order: 1 }],
      groups: [],
      speeches: [],
      recommendations: [{ phase: 'during', raisedBy: 'Nhân dân', unit: null, summary: 'sửa đường liên thôn', topic: 'giao thông' }],
      counts: { before: null, during: 1 },
      replies: [{ byKey: 'p1', byText: null, summary: 'Sẽ sửa trong quý II.' }],
      photos: [],
      byline: null,
      publishedAt: null,
      facts: [],
    };
    const m = await core.call('record.import', { json: JSON.stringify(v1) });
    const got = await core.call('meeting.get', { id: m.id });
    expect(got.replies[0]).toMatchObject({ kind: 'on_spot', content: 'Sẽ sửa trong quý II.' });
    expect(got.meeting.counts).toMatchObject({ during: 1, speakers: null });
  });

  const base = () => JSON.parse(read('06-chi-minh-thanh-nien-2025.json')) as Record<string, unknown> & Rec;
  const bad: [string, (r: ReturnType<typeof base>) => unknown, RegExp][] = [
    ['not JSON', () => '{"meeting":', /không phải JSON/],
    ['a role that does not exist', (r) => ((r.people[0]!.role = 'boss'), r), /people\[0\]\.role/],
    ['a speaker who is not in people', (r) => ((r.speeches[0] as unknown as { speakerKey: string }).speakerKey = 'p9', r), /speeches\[0\]\.speakerKey/],
    ['a reply to a recommendation that is not there', (r) => ((r.replies[0]!.to = ['r99']), r), /replies\[0\]\.to\[0\]/],
    ['a date that does not exist', (r) => ((r.meeting.date = '2025-02-30'), r), /meeting\.date/],
    ['a count below the listed recommendations', (r) => ((r.counts.during = 2), r), /counts\.during/],
    ['a person with neither name nor title', (r) => ((r.people[0]!.name = null), (r.people[0]!.titles = []), r), /people\[0\]/],
    ['a duplicate person key', (r) => ((r.people[1]!.key = 'p1'), r), /people\[1\]\.key/],
    ['an unknown meeting kind', (r) => ((r.meeting.kind = 'hội thảo'), r), /meeting\.kind/],
    ['a record that says nothing about any meeting', () => ({ format: 'meeting-record/2', meeting: {} }), /trường "meeting"/],
  ];
  it.each(bad)('refuses %s with the field named and nothing written', async (_what, breakIt, field) => {
    core = tempCore();
    await core.call('record.import', { json: read('00-seed-bac-tu-liem-2019.json') });
    const before = fingerprint(core.ctx.db);
    const broken = breakIt(base());
    const r = await core.registry.dispatch('record.import', { json: typeof broken === 'string' ? broken : JSON.stringify(broken) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('record_invalid');
      expect(r.error.message).toMatch(field);
      expect(r.error.message).toMatch(/Chưa có gì được ghi/);
    }
    expect(fingerprint(core.ctx.db)).toEqual(before);
  });
});

describe('thuky import-record and thuky profile', () => {
  it('imports a record and prints the new id; a bad one exits 1 with a Vietnamese message', async () => {
    const dir = tempDir('thuky-rec-cli-');
    const r = await runCli(['import-record', path.join(DIR, '08-loc-quang-tiep-xuc-cu-tri-2025.json'), '--data', dir, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 1, title: expect.stringContaining('tiếp xúc cử tri') });
    const badFile = path.join(dir, 'bad.json');
    writeFileSync(badFile, JSON.stringify({ meeting: { kind: 'hội thảo' } }));
    const b = await runCli(['import-record', badFile, '--data', dir]);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/Bản ghi hội nghị không hợp lệ: trường "meeting\.kind"/);
    const list = JSON.parse((await runCli(['list', '--data', dir, '--json'])).stdout) as unknown[];
    expect(list).toHaveLength(1);
    const missing = await runCli(['import-record', path.join(dir, 'khong-co.json'), '--data', dir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Lỗi: /);
    expect(missing.stderr).not.toMatch(/ENOENT/);
  });

  it('profile --set validates like the setup screen and profile --json reads it back', async () => {
    const dir = tempDir('thuky-profile-cli-');
    const file = path.join(dir, 'co-quan.json');
    const profile = {
      issuingBody: 'ĐẢNG ỦY PHƯỜNG TÂY TỰU',
      level: 'commune',
      parentBody: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
      isParty: true,
      docCode: 'BB/ĐU',
      placeName: 'Tây Tựu',
      byline: 'Văn phòng Đảng ủy phường',
      secretaryName: 'Nguyễn Thị Lan',
      style: { padCounts: false, placeDateLine: true, chairLabel: 'CHỦ TRÌ', dateStyle: 'plain', dateYear: false, padDayMonth: false, nameStyle: 'comma' },
    };
    writeFileSync(file, JSON.stringify(profile));
    expect((await runCli(['profile', '--set', file, '--data', dir])).code).toBe(0);
    const read = JSON.parse((await runCli(['profile', '--json', '--data', dir])).stdout) as typeof profile;
    expect(read).toEqual(profile);
    writeFileSync(file, JSON.stringify({ ...profile, issuingBody: '', level: 'quận' }));
    const bad = await runCli(['profile', '--set', file, '--data', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/không được để trống|Cấp của đơn vị/);
    expect(JSON.parse((await runCli(['profile', '--json', '--data', dir])).stdout)).toEqual(profile);
  });
});

// The remaining details of the minutes .docx that a careless change could alter without any
// other test noticing: how a long body name is broken, how wide the header columns and rules
// are, the signature table's geometry, recipients' punctuation, which paragraph keeps with the
// signatures. Written against the mutants Stryker found surviving in
// electron/core/documents/docx-minutes.ts (docs/testing.md, "Mutation testing").
import { describe, expect, it } from 'vitest';
import { convertMillimetersToTwip } from 'docx';
import { blockLines, DEFAULT_RECIPIENTS, docNumberLine, headerLines } from '../../../electron/core/documents/docx-minutes';
import { renderDocx } from '../../../electron/core/documents/docx-render';
import { TEXT_WIDTH, textWidth } from '../../../electron/core/documents/docx-common';
import type { DocBlock, DocOptions } from '../../../electron/shared/documents';
import type { MeetingRecord, OrgProfile } from '../../../electron/shared/domain';
import { seedRecord, SEED_PROFILE } from '../../fixtures/documents/seed-record';
import { tables, unpack } from '../documents/helpers';

const W = (s: string, size = 14): number => textWidth(s, size, true);

async function render(record: MeetingRecord, profile: OrgProfile, blocks: DocBlock[] = [{ type: 'paragraph', text: 'Nội dung.' }], options: DocOptions = {}) {
  const parts = unpack(await renderDocx('minutes', blocks, record, profile, () => null, options));
  const doc = parts.xml('word/document.xml');
  const [header, signature] = tables(doc);
  return { doc, header: header!, signature: signature!, parts };
}
const cols = (xml: string): number[] => [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
const cellsOf = (xml: string): string[] => xml.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
const texts = (xml: string): string[] => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
const ruleWidths = (cell: string, col: number): number[] =>
  (cell.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pBdr>[\s\S]*?<\/w:p>/g) ?? []).map((p) => col - Number(/w:left="(\d+)"/.exec(p)![1]) - Number(/w:right="(\d+)"/.exec(p)![1]));

describe('headerLines: where a long name breaks', () => {
  it('at the last unit word when both halves fit', () => {
    const n = 'AAA QUẬN BBB PHƯỜNG CCC';
    const width = W('QUẬN BBB PHƯỜNG CCC') + 5;
    expect(W(n)).toBeGreaterThan(width);
    expect(headerLines(n, width, 14, true)).toEqual(['AAA QUẬN BBB', 'PHƯỜNG CCC']);
  });

  it('at an earlier unit word when the last one leaves a half too wide', () => {
    const n = 'AAAAAAAAAAAA QUẬN B PHƯỜNG C';
    const width = Math.max(W('AAAAAAAAAAAA'), W('QUẬN B PHƯỜNG C')) + 5;
    expect(W('AAAAAAAAAAAA QUẬN B')).toBeGreaterThan(width);
    expect(headerLines(n, width, 14, true)).toEqual(['AAAAAAAAAAAA', 'QUẬN B PHƯỜNG C']);
  });

  it('both halves must fit, each to the last twip', () => {
    // Right half exactly as wide as allowed: the unit cut is taken.
    expect(headerLines('ĐẢNG ỦY PHƯỜNG QUAN HOA', W('PHƯỜNG QUAN HOA'), 14, true)).toEqual(['ĐẢNG ỦY', 'PHƯỜNG QUAN HOA']);
    // Left half exactly as wide as allowed: taken; one twip less: the middle space instead.
    expect(headerLines('ĐẢNG ỦY CƠ QUAN XÃ AN', W('ĐẢNG ỦY CƠ QUAN'), 14, true)).toEqual(['ĐẢNG ỦY CƠ QUAN', 'XÃ AN']);
    expect(headerLines('ĐẢNG ỦY CƠ QUAN XÃ AN', W('ĐẢNG ỦY CƠ QUAN') - 1, 14, true)).toEqual(['ĐẢNG ỦY CƠ', 'QUAN XÃ AN']);
    // Right half one twip too wide: the middle space.
    expect(headerLines('AN XÃ ĐÔNG ĐÔNG ĐÔNG ĐÔNG', W('XÃ ĐÔNG ĐÔNG ĐÔNG ĐÔNG') - 1, 14, true)).toEqual(['AN XÃ ĐÔNG', 'ĐÔNG ĐÔNG ĐÔNG']);
  });

  it('the middle space: the first of two equally near', () => {
    // Spaces at 2 and 4 of 6 characters: both 1 from the middle.
    expect(headerLines('AA B C', 1, 14, true)).toEqual(['AA', 'B C']);
    expect(headerLines('AAA B CC', 1, 14, true)).toEqual(['AAA', 'B CC']);
  });
});

describe('pure lines', () => {
  it('the document code loses every leading slash or dash', () => {
    expect(docNumberLine({ ...SEED_PROFILE, docCode: '-/BB-UBND' }, 5)).toBe('Số: 05/BB-UBND');
    expect(docNumberLine({ ...SEED_PROFILE, isParty: true, docCode: '--BB/ĐU' }, null)).toBe('Số      -BB/ĐU');
  });
  it('byline and dateline blocks split at plain line breaks too', () => {
    expect(blockLines({ type: 'paragraph', text: 'a\nb' })).toEqual(['a', 'b']);
    expect(blockLines({ type: 'byline', text: 'X\nY' } as DocBlock)).toEqual(['X', 'Y']);
    expect(blockLines({ type: 'dateline', text: 'Z' } as DocBlock)).toEqual(['Z']);
  });
  it('the default recipients', () => {
    expect(DEFAULT_RECIPIENTS).toEqual(['Các thành phần dự hội nghị', 'Lưu: VT, hồ sơ hội nghị']);
  });
});

describe('header geometry', () => {
  it('the left column is as wide as its longest line needs, names trimmed, the parent measured in regular weight', async () => {
    const parent = 'Ủy ban nhân dân TP Hà Nội';
    const { header } = await render(seedRecord(), { ...SEED_PROFILE, parentBody: `   ${parent}   `, issuingBody: '  UBND QUẬN A  ' });
    const need = Math.round(textWidth(parent.toLocaleUpperCase('vi'), 13, false) + convertMillimetersToTwip(4));
    expect(need).toBeGreaterThan(convertMillimetersToTwip(60));
    expect(need).toBeLessThan(convertMillimetersToTwip(72));
    expect(cols(header)[0]).toBe(need);
    expect(cols(header)[0]! + cols(header)[1]!).toBe(TEXT_WIDTH);
  });

  it('the issuing body is measured trimmed and bold', async () => {
    const issuing = 'UBND PHƯỜNG CỔ NHUẾ MỘT';
    const { header } = await render(seedRecord(), { ...SEED_PROFILE, parentBody: '', issuingBody: `  ${issuing}  ` });
    const need = Math.round(textWidth(issuing, 13, true) + convertMillimetersToTwip(4));
    expect(need).toBeGreaterThan(convertMillimetersToTwip(60));
    expect(need).toBeLessThan(convertMillimetersToTwip(72));
    expect(cols(header)[0]).toBe(need);
    // The rule under it: 40 % of the name's bold width.
    const [left] = cellsOf(header);
    const [w] = ruleWidths(left!, cols(header)[0]!);
    expect(Math.abs(w! - textWidth(issuing, 13, true) * 0.4)).toBeLessThanOrEqual(2);
  });

  it('the motto rule is as wide as the bold motto', async () => {
    const { header } = await render(seedRecord(), SEED_PROFILE);
    const [, right] = cellsOf(header);
    const [w] = ruleWidths(right!, cols(header)[1]!);
    expect(Math.abs(w! - textWidth('Độc lập - Tự do - Hạnh phúc', 13, true))).toBeLessThanOrEqual(2);
  });

  it('a name just wider than the column less its margins goes on two lines', async () => {
    // Party form: the left column is at most 88 mm, its text 4 mm narrower.
    const inner = convertMillimetersToTwip(88) - convertMillimetersToTwip(4);
    let name = 'ĐẢNG ỦY PHƯỜNG ';
    while (W(name) <= inner + 40) name += 'A';
    expect(W(name)).toBeLessThan(inner + convertMillimetersToTwip(4));
    const { header } = await render(seedRecord(), { ...SEED_PROFILE, isParty: true, parentBody: '', issuingBody: name, docCode: 'BB/ĐU' });
    const [left] = cellsOf(header);
    expect(texts(left!).slice(0, 2).join(' ')).toBe(name.trim());
    expect(texts(left!)[1]).not.toBe('*');
  });

  it('the rule under a name that needs two lines is 40 % of its longer line, measured bold', async () => {
    // State form with a long name: the left column is at its 72 mm maximum, its text 4 mm narrower.
    const inner = convertMillimetersToTwip(72) - convertMillimetersToTwip(4);
    let name = 'UBND PHƯỜNG ';
    while (textWidth(name, 13, true) <= inner) name += 'A';
    expect(textWidth(name, 13, false)).toBeLessThanOrEqual(inner);
    const { header } = await render(seedRecord(), { ...SEED_PROFILE, parentBody: '', issuingBody: name });
    const lines = headerLines(name, inner, 13, true);
    expect(lines).toHaveLength(2);
    const [left] = cellsOf(header);
    const [w] = ruleWidths(left!, cols(header)[0]!);
    expect(Math.abs(w! - Math.max(...lines.map((l) => textWidth(l, 13, true))) * 0.4)).toBeLessThanOrEqual(2);
  });

  it('the Party form leaves the date out when asked', async () => {
    const { header } = await render(seedRecord(), { ...SEED_PROFILE, isParty: true, docCode: 'BB/ĐU' }, undefined, { minutes: { placeDateLine: false } });
    expect(texts(header).join('|')).not.toContain('ngày 18');
  });
});

describe('signature table geometry and names', () => {
  it('two halves of the text width, room of 30 mm to sign, names trimmed', async () => {
    const r = seedRecord();
    const chair = r.attendees.find((a) => a.role === 'chair')!;
    chair.fullName = `  ${chair.fullName}  `;
    const { signature } = await render(r, SEED_PROFILE);
    const half = Math.floor(TEXT_WIDTH / 2);
    expect(cols(signature)).toEqual([half, half]);
    expect(signature).toMatch(new RegExp(`<w:tblW w:type="dxa" w:w="${half * 2}"/>|<w:tblW w:w="${half * 2}" w:type="dxa"/>`));
    expect(texts(signature)).toContain(chair.fullName.trim());
    const room = signature.match(/<w:spacing [^>]*w:line="(\d+)"[^>]*\/>/g) ?? [];
    expect(room.filter((s) => s.includes(`w:line="${convertMillimetersToTwip(30)}"`) && s.includes('w:lineRule="exact"'))).toHaveLength(2);
  });

  it('the two titles stand 12 pt below the closing paragraph', async () => {
    const { signature } = await render(seedRecord(), SEED_PROFILE);
    for (const title of ['THƯ KÝ', 'CHỦ TRÌ']) {
      const p = (signature.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? []).find((x) => x.includes(`>${title}</w:t>`))!;
      expect(p, title).toMatch(/<w:spacing w:before="240"\/>/);
    }
  });

  it('every trailing punctuation mark of a recipient is replaced by the list punctuation', async () => {
    const { signature } = await render(seedRecord(), SEED_PROFILE, undefined, { minutes: { recipients: ['Ban A;.', 'Lưu: VT.;'] } });
    expect(texts(signature).filter((t) => t.startsWith('- '))).toEqual(['- Ban A;', '- Lưu: VT.']);
  });
});

describe('keeping together', () => {
  const keep = (doc: string, text: string): boolean => {
    const p = (doc.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? []).find((x) => x.includes(`>${text}</w:t>`))!;
    return /<w:keepNext\/>/.test(p);
  };

  it('the last paragraph with text keeps with the signatures, even when a table follows it or it is the only one', async () => {
    expect(keep((await render(seedRecord(), SEED_PROFILE, [{ type: 'paragraph', text: 'Chỉ một.' }])).doc, 'Chỉ một.')).toBe(true);
    const withTable = await render(seedRecord(), SEED_PROFILE, [{ type: 'paragraph', text: 'Trước bảng.' }, { type: 'table', rows: [['a']] } as DocBlock]);
    expect(keep(withTable.doc, 'Trước bảng.')).toBe(true);
  });

  it('only the first heading is the centred title with a rule; a heading right after it is a section heading', async () => {
    const { doc } = await render(seedRecord(), SEED_PROFILE, [
      { type: 'heading', text: 'TÊN HỘI NGHỊ' },
      { type: 'heading', text: 'I. Phần một' },
      { type: 'paragraph', text: 'Nội dung.' },
    ]);
    const body = doc.replace(tables(doc)[0]!, '').replace(tables(doc)[1]!, '');
    expect((body.match(/<w:pBdr>/g) ?? []).length).toBe(1);
    const p = (body.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? []).find((x) => x.includes('>I. Phần một</w:t>'))!;
    expect(p).toContain('<w:jc w:val="both"/>');
  });

  it('the first page header still holds a paragraph (Word needs one)', async () => {
    const { doc, parts } = await render(seedRecord(), SEED_PROFILE);
    const rels = parts.xml('word/_rels/document.xml.rels');
    const id = /<w:headerReference w:type="first" r:id="(\w+)"\/>/.exec(doc)![1]!;
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
    expect(parts.xml(`word/${target}`)).toMatch(/<w:p[ >/]/);
  });
});

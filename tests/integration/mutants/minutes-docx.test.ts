// The minutes .docx as the decree lays it out, checked where the earlier tests were too loose to
// notice a break (issue 13): which name stands under THƯ KÝ and which under CHỦ TRÌ, which
// column is which, how wide the rule under the issuing body is, that the signature row cannot
// split across pages, and the page number's size.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateMinutes } from '../../../electron/core/documents/minutes';
import { renderDocx } from '../../../electron/core/documents/docx-render';
import { seedRecord, SEED_PROFILE } from '../../fixtures/documents/seed-record';
import { sizeOf, tables, unpack } from '../documents/helpers';

const record = seedRecord();
const SECRETARY = record.meeting.secretary.trim() || SEED_PROFILE.secretaryName;
const CHAIR = record.attendees.find((a) => a.role === 'chair')!.fullName;

let doc: string;
let parts: ReturnType<typeof unpack>;
beforeAll(async () => {
  const buf = await renderDocx('minutes', generateMinutes(record, SEED_PROFILE), record, SEED_PROFILE, () => null);
  parts = unpack(buf);
  doc = parts.xml('word/document.xml');
});

/** The text of each <w:t> in order. */
const texts = (xml: string): string[] => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
/** The cells of a table row, in order. */
const cells = (xml: string): string[] => xml.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
const gridCols = (xml: string): number[] => [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
/** Paragraphs drawn as a rule (a bottom border). */
const rules = (xml: string): string[] => (xml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pBdr>[\s\S]*?<\/w:p>/g) ?? []).filter((p) => p.includes('<w:bottom '));
const indent = (p: string, side: 'left' | 'right'): number => Number(new RegExp(`<w:ind [^>]*w:${side}="(\\d+)"`).exec(p)?.[1] ?? 0);

describe('minutes .docx signature block (Mẫu 1.9)', () => {
  it('the fixture has two different people, so a swap would show', () => {
    expect(SECRETARY).not.toBe(CHAIR);
    expect(SECRETARY.length).toBeGreaterThan(0);
  });

  it('THƯ KÝ on the left with the secretary under it, CHỦ TRÌ on the right with the chair', () => {
    const signature = tables(doc).find((t) => t.includes('>THƯ KÝ<'))!;
    expect(signature).toBeDefined();
    const [left, right, ...more] = cells(signature);
    expect(more).toEqual([]);
    // The left column may go on with "Nơi nhận" under the signature; it starts with these two.
    expect(texts(left!).slice(0, 2)).toEqual(['THƯ KÝ', SECRETARY]);
    expect(texts(right!)).toEqual(['CHỦ TRÌ', CHAIR]);
  });

  it('the two signature columns are equal halves', () => {
    const signature = tables(doc).find((t) => t.includes('>THƯ KÝ<'))!;
    const [a, b] = gridCols(signature);
    expect(a).toBe(b);
    expect(a).toBeGreaterThan(4000);
  });

  it('the signature row never splits across two pages', () => {
    const signature = tables(doc).find((t) => t.includes('>THƯ KÝ<'))!;
    const rows = signature.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/<w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:cantSplit\/>/);
  });
});

describe('minutes .docx header rules', () => {
  it('the rule under the issuing body is short and centred, not the column width', () => {
    const header = tables(doc)[0]!;
    // The left column: the names' cell, then (State) the number's cell in the second row.
    const [leftCell, , numberCell] = cells(header);
    const leftColumn = `${leftCell!}${numberCell ?? ''}`;
    const [leftWidth] = gridCols(header);
    const [rule] = rules(leftCell!);
    expect(rule).toBeDefined();
    const l = indent(rule!, 'left');
    const r = indent(rule!, 'right');
    expect(l).toBe(r);
    const width = leftWidth! - l - r;
    // The decree: 1/3 to 1/2 of the line above it; never wider than half the column.
    expect(width).toBeGreaterThan(leftWidth! / 5);
    expect(width).toBeLessThanOrEqual(leftWidth! / 2);
    // And it sits right under the issuing body, before the number.
    const order = texts(leftColumn);
    expect(order.indexOf(SEED_PROFILE.issuingBody)).toBeLessThan(order.findIndex((t) => t.startsWith('Số:')));
    expect(leftColumn.indexOf(rule!)).toBeGreaterThan(leftColumn.indexOf(`>${SEED_PROFILE.issuingBody}<`));
    expect(leftColumn.indexOf(rule!)).toBeLessThan(leftColumn.indexOf('>Số:'));
  });

  it('the rule under the motto is about as wide as the motto, inside the column', () => {
    const header = tables(doc)[0]!;
    const [, rightCell] = cells(header);
    const [, rightWidth] = gridCols(header);
    const [rule] = rules(rightCell!);
    const width = rightWidth! - indent(rule!, 'left') - indent(rule!, 'right');
    expect(width).toBeGreaterThan(rightWidth! / 3);
    expect(width).toBeLessThan(rightWidth!);
  });
});

describe('minutes .docx page number', () => {
  it('is 14 pt Times New Roman, centred, on the default header only', () => {
    const refs = [...doc.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)];
    const rels = parts.xml('word/_rels/document.xml.rels');
    const target = (id: string): string => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
    const header = parts.xml(`word/${target(refs.find((r) => r[1] === 'default')![2]!)}`);
    const runs = header.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
    const pageRuns = runs.filter((r) => /<w:fldChar|<w:instrText/.test(r));
    expect(pageRuns.length).toBeGreaterThan(0);
    for (const r of pageRuns) {
      expect(sizeOf(r)).toBe(14);
      expect(r).toContain('w:ascii="Times New Roman"');
    }
    expect(header).toMatch(/PAGE/);
  });
});

// Building blocks shared by the three .docx documents. Values chosen within the decree's ranges
// (Nghị định 30/2020, Phụ lục I) are named here once and used everywhere.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  TableCell,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type IBorderOptions,
  type IParagraphOptions,
  type IStylesOptions,
  type ITableBordersOptions,
  type ITableCellOptions,
} from 'docx';

export const FONT_NAME = 'Times New Roman';
/** Every slot, so Vietnamese (hAnsi), East Asian and complex-script text all use the same font. */
export const FONT = { ascii: FONT_NAME, hAnsi: FONT_NAME, eastAsia: FONT_NAME, cs: FONT_NAME } as const;

/** A4 in twips. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Top 20, bottom 20, left 30, right 15 mm: the low end of each range leaves the most text room. */
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
export const MARGINS = {
  top: convertMillimetersToTwip(MARGIN_MM.top),
  bottom: convertMillimetersToTwip(MARGIN_MM.bottom),
  left: convertMillimetersToTwip(MARGIN_MM.left),
  right: convertMillimetersToTwip(MARGIN_MM.right),
  // The page number sits in the top margin, 10 mm from the edge.
  header: convertMillimetersToTwip(10),
  footer: convertMillimetersToTwip(10),
} as const;

/** Text width of an A4 portrait page with these margins. */
export const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;

/** 1.27 cm first-line indent (the top of the decree's 1–1.27 cm range). */
export const FIRST_LINE = convertMillimetersToTwip(12.7);
/** 6 pt after each paragraph, single-and-a-bit line spacing (1.15, within "single to 1.5"). */
export const BODY_SPACING = { after: 120, before: 0, line: 276, lineRule: 'auto' } as const;

/** Points to docx half-points. */
export const pt = (n: number): number => n * 2;

export type RunStyle = { size: number; bold?: boolean; italics?: boolean; allCaps?: boolean };

/** A run with the font in all four slots: Word falls back per slot, so the defaults alone are not enough. */
export function run(text: string, style: RunStyle): TextRun {
  // Only true flags are written: a <w:b w:val="false"/> on every run doubles the XML of a big table.
  return new TextRun({ text, font: FONT, size: pt(style.size), ...(style.bold ? { bold: true } : {}), ...(style.italics ? { italics: true } : {}) });
}

export function styles(bodySize: number): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: pt(bodySize) },
        // Slightly more than single, so stacked Vietnamese diacritics never touch the line above.
        paragraph: { spacing: { after: 0, before: 0, line: 264, lineRule: 'auto' } },
      },
    },
  };
}

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const SOLID: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** docx tables have borders by default: a layout table turns them off at table level… */
export const NO_TABLE_BORDERS: ITableBordersOptions = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
/** …and at cell level. */
export const NO_CELL_BORDERS: NonNullable<ITableCellOptions['borders']> = { top: NONE, bottom: NONE, left: NONE, right: NONE };

export const GRID_TABLE_BORDERS: ITableBordersOptions = { top: SOLID, bottom: SOLID, left: SOLID, right: SOLID, insideHorizontal: SOLID, insideVertical: SOLID };
export const GRID_CELL_BORDERS: NonNullable<ITableCellOptions['borders']> = { top: SOLID, bottom: SOLID, left: SOLID, right: SOLID };

/** A cell of a layout (borderless) table, width in dxa. */
export function layoutCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: NO_CELL_BORDERS,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    children: children.length ? children : [new Paragraph({})],
  });
}

export function centred(runs: TextRun[], extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: runs, ...extra });
}

// Average glyph widths of Times New Roman (em fractions), good enough to size a rule under a line.
const EM = { upperBold: 0.7, upper: 0.66, mixedBold: 0.5, mixed: 0.46 } as const;

/** Estimated width of one line of text, in twips. */
export function textWidth(text: string, sizePt: number, bold: boolean): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) {
    if (ch === ' ') em += 0.25;
    else if (ch === ch.toLocaleUpperCase('vi') && ch !== ch.toLocaleLowerCase('vi')) em += bold ? EM.upperBold : EM.upper;
    else em += bold ? EM.mixedBold : EM.mixed;
  }
  return Math.round(em * sizePt * 20);
}

/**
 * A short solid rule drawn as the bottom border of a tiny empty paragraph, centred in a column
 * of `columnWidth` twips. Rules are never underlined text (the decree says so).
 */
export function rule(columnWidth: number, ruleWidth: number): Paragraph {
  const w = Math.max(400, Math.min(columnWidth, Math.round(ruleWidth)));
  const side = Math.max(0, Math.round((columnWidth - w) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    // A 4 pt high empty line: the rule sits a little below the text, never touching it like an underline.
    spacing: { before: 0, after: 0, line: 80, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', font: FONT, size: 2 })],
  });
}

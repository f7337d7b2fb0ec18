// Document drafts: generated from the record, then edited by the secretary. The edits are kept;
// a draft remembers the hash of the data it came from so the app can say when the data changed.
import type { DocKind } from './domain';

export type DocBlock =
  /** Headline of the article, or a section heading in the minutes. */
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  /** A photo placed in the article, by id, with its caption. */
  | { type: 'photo'; photoId: number; caption: string }
  /** The article's publication line under the headline ("01/12/2025"), as the newsroom prints it. */
  | { type: 'dateline'; text: string }
  /** Closing line of the article: the unit or the reporter. */
  | { type: 'byline'; text: string }
  /** A table (summary of recommendations): the first row is the header. */
  | { type: 'table'; rows: string[][]; group?: string };

export type ArticleOptions = {
  /** List each speaker and their unit, instead of the topic phrases only. */
  listSpeakers: boolean;
  /** Opening sentence with the legal basis, e.g. "Thực hiện Kế hoạch số 15-KH/QU …"; empty for none. */
  legalBasis: string;
  /** Photos to include, in order; empty means every photo marked for the article. */
  photoIds: number[];
};

export type MinutesOptions = {
  /** Print the place-and-date line in the header (default from the house style). */
  placeDateLine?: boolean;
  /** Lines under "Nơi nhận:", without the leading "- " or the ending; the last is usually "Lưu: VT, …". */
  recipients?: string[];
};

/**
 * The chair's conclusion notice (thông báo kết luận): what the header and the signature print,
 * apart from the editable body. Number and date are often left blank for the văn thư to fill in.
 */
export type NoticeOptions = {
  /** Number within the year ("Số: 12/TB-UBND"); null prints the blank. */
  number?: number | null;
  /** The issue date (ISO); null prints "ngày …… tháng …… năm ……" to be filled in by hand. */
  date?: string | null;
  /** The authority line above the title: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ"; '' for none. */
  authority?: string;
  /** "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "BÍ THƯ". */
  signerTitle?: string;
  /** The signer's full name; empty: the chair of the meeting. */
  signerName?: string;
  /** Lines under "Nơi nhận:", as for the minutes. */
  recipients?: string[];
};

export type DocOptions = { article?: Partial<ArticleOptions>; minutes?: MinutesOptions; notice?: NoticeOptions };

export type DocDraft = {
  meetingId: number;
  kind: DocKind;
  blocks: DocBlock[];
  options: DocOptions;
  /** Hash of the meeting data the draft was generated from. */
  sourceHash: string;
  generatedAt: string;
  updatedAt: string;
  /** The secretary changed the generated text. */
  edited: boolean;
  /** The meeting data changed after the draft was generated. */
  stale: boolean;
};

export const DOC_FORMATS = ['docx', 'html', 'text'] as const;
export type DocFormat = (typeof DOC_FORMATS)[number];

export type ExportedDoc = { fileName: string; mime: string; dataBase64: string };

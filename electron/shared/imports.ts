// Spreadsheet imports (roster, pre-meeting recommendations): the shapes the preview and the
// commit return, shared by the core and the renderer. Plain data only.

export const IMPORT_KINDS = ['roster', 'recommendations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_LIMITS = {
  /** A roster or a list of recommendations is a few hundred KB; 10 MB is far above any real one. */
  fileBytes: 10 * 1024 * 1024,
  /** Data rows per file. */
  rows: 5_000,
  /** What an XLSX may inflate to: refuses zip bombs before exceljs reads anything into memory. */
  xlsxInflated: 100 * 1024 * 1024,
  /** A preview shows at most this much of one cell; the commit always re-reads the whole file. */
  previewCell: 2_000,
} as const;

export type ImportColumn = {
  key: string;
  /** Vietnamese column name as the app calls it ("Họ tên"). */
  label: string;
  required: boolean;
  /** The header found in the file for this column, or null when the file has no such column. */
  header: string | null;
};

export type ImportPreviewRow = {
  /** 1-based row number as the spreadsheet shows it, so the secretary can find it. */
  index: number;
  values: Record<string, string>;
  /** A row with errors is not imported. */
  errors: string[];
  /** Imported, but worth a look (e.g. an unknown role read as "Đại biểu"). */
  warnings: string[];
};

export type ImportPreview = {
  kind: ImportKind;
  fileName: string;
  format: 'csv' | 'xlsx';
  columns: ImportColumn[];
  rows: ImportPreviewRow[];
  /** Problems with the whole file: when present nothing can be imported. */
  fileErrors: string[];
  /** File-level notes (encoding guessed, columns ignored, a sheet skipped). */
  warnings: string[];
  validCount: number;
};

export type ImportCommitResult = {
  kind: ImportKind;
  /** Attendees or recommendations written. */
  imported: number;
  /** Rows left out because they had errors or were not selected. */
  skipped: number;
  /** Roster: people new to the directory, and people found there and reused. */
  createdPeople: number;
  reusedPeople: number;
  /** Recommendations: written answers created. */
  replies: number;
};

// Reads a CSV or XLSX file into a grid of cells. Never trusts the file name: the bytes decide the
// format, so a CSV renamed .xlsx (or a PDF picked by mistake) gets a message that says what it is.
// Every failure is a UserError with a Vietnamese message; nothing here touches the database.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import { UserError } from '../../shared/result';
import { IMPORT_LIMITS } from '../../shared/imports';

export type CellKind = 'text' | 'number' | 'date' | 'bool' | 'error' | 'empty';
export type Cell = { text: string; kind: CellKind };
export type Grid = { format: 'csv' | 'xlsx'; rows: Cell[][]; warnings: string[] };

const nf = new Intl.NumberFormat('vi-VN');
const bad = (message: string) => new UserError('import_file', message);

const SAVE_AS_HINT = 'Hãy mở tệp bằng Excel và chọn Lưu dưới dạng "Sổ làm việc Excel (.xlsx)" hoặc "CSV UTF-8 (phân tách bằng dấu phẩy)".';

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

export async function readGrid(bytes: Uint8Array, fileName: string): Promise<Grid> {
  if (bytes.length === 0) throw bad('Tệp trống, không có dữ liệu nào để nhập.');
  if (bytes.length > IMPORT_LIMITS.fileBytes)
    throw bad(`Tệp quá lớn (${nf.format(Math.round(bytes.length / 1024 / 1024))} MB). Tối đa ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB mỗi lần nhập; hãy chia nhỏ tệp.`);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return readXlsx(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    throw bad(`Tệp "${fileName}" là tệp Excel đời cũ (.xls), ứng dụng chưa đọc được. ${SAVE_AS_HINT}`);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw bad(`Tệp "${fileName}" là tệp PDF, không phải bảng tính. ${SAVE_AS_HINT}`);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]))
    throw bad(`Tệp "${fileName}" là ảnh, không phải bảng tính. Hãy chọn tệp danh sách dạng .xlsx hoặc .csv.`);
  return readCsv(bytes, fileName);
}

// ---- CSV ------------------------------------------------------------------------------------

function decodeText(bytes: Uint8Array, fileName: string): { text: string; warning: string | null } {
  // Excel's "Unicode Text" is UTF-16 with a BOM.
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warning: null };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warning: null };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw bad(`Tệp "${fileName}" không phải bảng tính dạng chữ (CSV) hay Excel (.xlsx). ${SAVE_AS_HINT}`);
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), warning: null };
  } catch {
    // Excel's plain "CSV (Comma delimited)" on a Vietnamese Windows writes Windows-1258. Reading it
    // that way is usually right; the preview shows the result and the warning says how to be sure.
    return {
      text: new TextDecoder('windows-1258').decode(body),
      warning:
        'Tệp không được lưu theo bảng mã UTF-8 nên ứng dụng đã đoán bảng mã Windows-1258. Hãy kiểm tra dấu tiếng Việt trong bản xem trước; nếu sai, hãy mở tệp bằng Excel và chọn Lưu dưới dạng "CSV UTF-8 (phân tách bằng dấu phẩy)".',
    };
  }
}

function readCsv(bytes: Uint8Array, fileName: string): Grid {
  const { text, warning } = decodeText(bytes, fileName);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimiter: '' });
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote)
    throw bad(
      `Tệp CSV bị lỗi gần dòng ${nf.format((quote.row ?? 0) + 1)}: có dấu ngoặc kép (") chưa đóng, có thể tệp bị cắt cụt hoặc chưa lưu xong. Hãy mở lại tệp bằng Excel, lưu lại rồi thử lần nữa.`,
    );
  const rows = parsed.data.map((r) => r.map((v): Cell => (v.trim() === '' ? { text: '', kind: 'empty' } : { text: v.normalize('NFC').trim(), kind: 'text' })));
  return { format: 'csv', rows, warnings: warning ? [warning] : [] };
}

// ---- XLSX -----------------------------------------------------------------------------------

function checkZip(bytes: Uint8Array): void {
  let total = 0;
  let hasWorkbook = false;
  let tooBig = false;
  try {
    unzipSync(bytes, {
      filter(f) {
        total += f.originalSize;
        if (f.name === 'xl/workbook.xml') hasWorkbook = true;
        if (total > IMPORT_LIMITS.xlsxInflated) tooBig = true;
        return false; // only the directory is read here; exceljs inflates what it needs
      },
    });
  } catch {
    throw bad('Tệp Excel bị hỏng hoặc bị cắt cụt (có thể chưa tải hoặc chép xong). Hãy mở lại tệp bằng Excel, lưu lại rồi thử lần nữa.');
  }
  if (tooBig) throw bad('Tệp Excel giải nén ra quá lớn so với một danh sách thông thường (có thể là tệp độc hại). Hãy kiểm tra lại tệp.');
  if (!hasWorkbook) throw bad(`Tệp này là tệp nén (có thể là tệp Word hoặc .zip), không phải bảng tính Excel. ${SAVE_AS_HINT}`);
}

const two = (n: number) => String(n).padStart(2, '0');

function cellOf(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return { text: '', kind: 'empty' };
  if (typeof v === 'string') return v.trim() === '' ? { text: '', kind: 'empty' } : { text: v.normalize('NFC').trim(), kind: 'text' };
  if (typeof v === 'number') return { text: Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12))), kind: 'number' };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE', kind: 'bool' };
  if (v instanceof Date) return { text: `${two(v.getUTCDate())}/${two(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`, kind: 'date' };
  if ('error' in v) return { text: String(v.error), kind: 'error' };
  if ('richText' in v) return cellOf(v.richText.map((r) => r.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) return cellOf((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in v) return cellOf(typeof v.text === 'string' ? v.text : ((v.text as { richText?: { text: string }[] }).richText ?? []).map((r) => r.text).join(''));
  return { text: '', kind: 'empty' };
}

async function readXlsx(bytes: Uint8Array): Promise<Grid> {
  checkZip(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw bad('Không đọc được tệp Excel này (tệp bị hỏng hoặc không đúng định dạng .xlsx). Hãy mở lại tệp bằng Excel, lưu lại rồi thử lần nữa.');
  }
  const sheets = wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.actualRowCount > 0);
  const ws = sheets[0];
  if (!ws) throw bad('Tệp Excel không có trang tính nào có dữ liệu.');
  const warnings = sheets.length > 1 ? [`Tệp có ${sheets.length} trang tính; chỉ đọc trang đầu tiên "${ws.name}".`] : [];
  const rows: Cell[][] = [];
  let tooMany = false;
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (rows.length > IMPORT_LIMITS.rows + 20) {
      tooMany = true;
      return;
    }
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellOf(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= { text: '', kind: 'empty' };
    if (cells.some((c) => c.kind !== 'empty')) rows.push(cells);
  });
  if (tooMany) throw bad(`Tệp có quá nhiều dòng: tối đa ${nf.format(IMPORT_LIMITS.rows)} dòng mỗi lần nhập. Hãy chia nhỏ tệp.`);
  return { format: 'xlsx', rows, warnings };
}

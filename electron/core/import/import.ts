// Imports a roster or the pre-meeting recommendations from a spreadsheet, in two steps: a
// preview that writes nothing and marks every row's problems, and a commit that re-reads the
// same bytes and writes the chosen valid rows in one transaction (all of them or none).
import type { Database } from 'better-sqlite3';
import type { ImportColumn, ImportCommitResult, ImportKind, ImportPreview, ImportPreviewRow } from '../../shared/imports';
import { IMPORT_LIMITS } from '../../shared/imports';
import type { Role } from '../../shared/domain';
import { ROLE_LABELS } from '../../shared/domain';
import { UserError } from '../../shared/result';
import { text, requiredText, titles as titlesSchema } from '../../shared/schemas';
import { fold } from '../../shared/vi/fold';
import { readGrid, type Cell } from './read';
import { fieldsFor, findHeaderRow, matchHeaders, parseRole, ROLE_WORDS_HINT, splitTitles, type FieldSpec } from './columns';
import { assertEditable, getMeeting } from '../repo/meetings';
import { createPerson, findPerson, type NewPerson } from '../repo/people';
import { addAttendee, listAttendees } from '../repo/roster';
import { createRecommendation, createReply } from '../repo/items';

const nf = new Intl.NumberFormat('vi-VN');

export type ImportInput = { meetingId: number; kind: ImportKind; fileName: string; dataBase64: string };

type RosterRow = { fullName: string; titles: string[]; organization: string; role: Role };
type RecRow = { raisedByText: string; unit: string; topic: string; content: string; shortPhrase: string; responderText: string; replyContent: string };

type Checked = { preview: ImportPreviewRow; roster?: RosterRow; rec?: RecRow };
type Parsed = { preview: ImportPreview; rows: Checked[] };

function decodeBase64(s: string): Uint8Array {
  // Buffer.from silently skips characters that are not base64; a broken upload is caught later by
  // the format checks, which say what is wrong with the file.
  return Buffer.from(s, 'base64');
}

const display = (v: string): string =>
  v.length > IMPORT_LIMITS.previewCell ? `${v.slice(0, IMPORT_LIMITS.previewCell)}… (còn ${nf.format(v.length - IMPORT_LIMITS.previewCell)} ký tự)` : v;

/** The first message zod gives for a value, or null when the value is acceptable. */
function problem(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, v: unknown): string | null {
  const r = schema.safeParse(v);
  return r.success ? null : (r.error?.issues[0]?.message ?? 'Giá trị không hợp lệ.');
}

function describeKind(c: Cell): string {
  return c.kind === 'number' ? 'một con số' : c.kind === 'date' ? 'ngày tháng' : c.kind === 'bool' ? 'giá trị đúng/sai' : 'dữ liệu khác';
}

async function parse(db: Database, input: ImportInput): Promise<Parsed> {
  getMeeting(db, input.meetingId);
  const fields = fieldsFor(input.kind);
  const columns = (byField: Map<string, number> | null, header: Cell[] | null): ImportColumn[] =>
    fields.map((f) => ({ key: f.key, label: f.label, required: f.required, header: byField && header && byField.has(f.key) ? (header[byField.get(f.key)!]?.text ?? null) : null }));
  const empty = (fileErrors: string[], format: 'csv' | 'xlsx' = 'csv', warnings: string[] = []): Parsed => ({
    preview: { kind: input.kind, fileName: input.fileName, format, columns: columns(null, null), rows: [], fileErrors, warnings, validCount: 0 },
    rows: [],
  });

  let grid;
  try {
    grid = await readGrid(decodeBase64(input.dataBase64), input.fileName);
  } catch (e) {
    if (e instanceof UserError) return empty([e.message]);
    throw e;
  }
  if (grid.rows.length === 0) return empty(['Tệp không có dòng dữ liệu nào.'], grid.format, grid.warnings);
  const found = findHeaderRow(input.kind, grid.rows);
  if (!found) {
    const m = matchHeaders(input.kind, grid.rows[0]!);
    const missing = fields.filter((f) => f.required && !m.byField.has(f.key)).map((f) => `"${f.label}"`);
    const expected = fields.map((f) => f.label).join(', ');
    return empty(
      [`Không tìm thấy cột ${missing.join(', ')} ở dòng tiêu đề. Dòng đầu tiên của bảng cần ghi tên các cột, ví dụ: ${expected}.`],
      grid.format,
      grid.warnings,
    );
  }
  const header = grid.rows[found.index] ?? null;
  const { byField, ignored, duplicates } = found.match;
  const warnings = [...grid.warnings];
  if (ignored.length) warnings.push(`Bỏ qua các cột không dùng đến: ${ignored.map((h) => `"${h}"`).join(', ')}.`);
  if (duplicates.length) warnings.push(`Có cột trùng tên, chỉ dùng cột đầu tiên: ${duplicates.map((h) => `"${h}"`).join(', ')}.`);

  const dataRows = grid.rows.slice(found.index + 1);
  if (dataRows.length > IMPORT_LIMITS.rows)
    return empty([`Tệp có ${nf.format(dataRows.length)} dòng, vượt quá giới hạn ${nf.format(IMPORT_LIMITS.rows)} dòng mỗi lần nhập. Hãy chia nhỏ tệp.`], grid.format, warnings);

  const ctx = input.kind === 'roster' ? rosterContext(db, input.meetingId) : null;
  const rows: Checked[] = dataRows.map((cells, i) => {
    const index = found.index + i + 2; // 1-based, after the header row
    const cellFor = (f: FieldSpec): Cell => {
      const col = byField.get(f.key);
      return col === undefined ? { text: '', kind: 'empty' } : (cells[col] ?? { text: '', kind: 'empty' });
    };
    const errors: string[] = [];
    const raw: Record<string, string> = {};
    for (const f of fields) {
      const c = cellFor(f);
      raw[f.key] = c.text;
      if (c.kind === 'error') errors.push(`${f.label}: ô có lỗi công thức (${c.text}).`);
    }
    return input.kind === 'roster' ? checkRoster(index, raw, cellFor, errors, ctx!) : checkRec(index, raw, errors);
  });
  const validCount = rows.filter((r) => r.preview.errors.length === 0).length;
  return {
    preview: { kind: input.kind, fileName: input.fileName, format: grid.format, columns: columns(byField, header), rows: rows.map((r) => r.preview), fileErrors: [], warnings, validCount },
    rows,
  };
}

/** A cell of the row by field key; a column the file lacks reads as empty. */
const field = (raw: Record<string, string>, key: string): string => raw[key] ?? '';

// ---- roster ---------------------------------------------------------------------------------

type RosterContext = { onRoster: Map<string, string>; seen: Map<string, number>; chair: string | null };
const personKey = (name: string, org: string) => `${fold(name).replace(/\s+/g, ' ').trim()}|${fold(org).replace(/\s+/g, ' ').trim()}`;

function rosterContext(db: Database, meetingId: number): RosterContext {
  const onRoster = new Map<string, string>();
  let chair: string | null = null;
  for (const a of listAttendees(db, meetingId)) {
    onRoster.set(personKey(a.fullName, a.organization), a.fullName);
    onRoster.set(personKey(a.fullName, ''), a.fullName);
    if (a.role === 'chair') chair ??= a.fullName;
  }
  return { onRoster, seen: new Map(), chair };
}

function checkRoster(index: number, raw: Record<string, string>, cellFor: (f: FieldSpec) => Cell, errors: string[], ctx: RosterContext): Checked {
  const warnings: string[] = [];
  const nameCell = cellFor(fieldsFor('roster')[0]!);
  const fullName = field(raw, 'fullName');
  if (nameCell.kind === 'number' || nameCell.kind === 'date' || nameCell.kind === 'bool')
    errors.push(`Họ tên: ô đang chứa ${describeKind(nameCell)} (${nameCell.text}), không phải họ tên.`);
  else if (/^[\d\s.,/-]+$/.test(fullName)) errors.push(`Họ tên: "${fullName}" là con số, không phải họ tên.`);
  else {
    const p = problem(requiredText('Họ tên'), fullName);
    if (p) errors.push(p);
  }
  const titles = splitTitles(field(raw, 'titles'));
  const pt = problem(titlesSchema, titles);
  if (pt) errors.push(pt.startsWith('Chức danh') ? pt.replace('Chức danh', 'Chức vụ') : pt);
  const po = problem(text('Đơn vị'), field(raw, 'organization'));
  if (po) errors.push(po);
  const role = parseRole(field(raw, 'role'));
  if (!role) errors.push(`Vai trò "${field(raw, 'role').slice(0, 80)}" không rõ. Hãy ghi một trong: ${ROLE_WORDS_HINT}.`);

  if (fullName.trim()) {
    const key = personKey(fullName, field(raw, 'organization'));
    const dupRow = ctx.seen.get(key);
    const already = ctx.onRoster.get(key) ?? (field(raw, 'organization').trim() ? undefined : ctx.onRoster.get(personKey(fullName, '')));
    if (already) errors.push(`${fullName} đã có trong danh sách đại biểu của hội nghị này.`);
    else if (dupRow !== undefined) errors.push(`Trùng với dòng ${dupRow}.`);
    else ctx.seen.set(key, index);
  }
  if (role === 'chair' && errors.length === 0) {
    if (ctx.chair) warnings.push(`Hội nghị đã có người chủ trì (${ctx.chair}); sẽ có hai người cùng vai trò Chủ trì.`);
    else ctx.chair = fullName;
  }
  const values = {
    fullName: display(fullName),
    titles: display(titles.join('; ')),
    organization: display(field(raw, 'organization')),
    role: role ? ROLE_LABELS[role] : display(field(raw, 'role')),
  };
  const preview = { index, values, errors, warnings };
  return errors.length ? { preview } : { preview, roster: { fullName: fullName.trim(), titles, organization: field(raw, 'organization'), role: role! } };
}

// ---- recommendations ------------------------------------------------------------------------

function checkRec(index: number, raw: Record<string, string>, errors: string[]): Checked {
  const warnings: string[] = [];
  const v = { ...raw } as RecRow;
  if (!v.content.trim() && v.shortPhrase.trim()) {
    v.content = v.shortPhrase;
    warnings.push('Không có nội dung kiến nghị: dùng cụm tóm tắt làm nội dung.');
  }
  if (!v.content.trim()) errors.push('Nội dung kiến nghị không được để trống.');
  for (const f of fieldsFor('recommendations')) {
    const p = problem(text(f.label, f.max), v[f.key as keyof RecRow]);
    if (p) errors.push(p);
  }
  if (v.responderText.trim() && !v.replyContent.trim()) warnings.push('Có người trả lời nhưng chưa có nội dung trả lời.');
  const values: Record<string, string> = {};
  for (const [k, s] of Object.entries(v)) values[k] = display(s);
  const preview = { index, values, errors, warnings };
  return errors.length ? { preview } : { preview, rec: v };
}

// ---- the two steps --------------------------------------------------------------------------

export async function previewImport(db: Database, input: ImportInput): Promise<ImportPreview> {
  return (await parse(db, input)).preview;
}

/** Writes the chosen valid rows (all valid rows when `rows` is absent) in one transaction. */
export async function commitImport(db: Database, at: string, input: ImportInput & { rows?: number[] }): Promise<ImportCommitResult> {
  const { preview, rows } = await parse(db, input);
  const fileError = preview.fileErrors[0];
  if (fileError !== undefined) throw new UserError('import_file', fileError);
  assertEditable(db, input.meetingId);
  const chosen = input.rows ? new Set(input.rows) : null;
  const take = rows.filter((r) => (chosen ? chosen.has(r.preview.index) : true) && r.preview.errors.length === 0);
  if (take.length === 0) throw new UserError('validation', 'Không có dòng hợp lệ nào để nhập. Hãy sửa các dòng báo lỗi trong tệp rồi chọn lại tệp.');
  const result: ImportCommitResult = { kind: input.kind, imported: 0, skipped: rows.length - take.length, createdPeople: 0, reusedPeople: 0, replies: 0 };
  db.transaction(() => {
    for (const r of take) {
      if (r.roster) {
        const { fullName, titles, organization, role } = r.roster;
        let person = findPerson(db, fullName, organization) ?? (organization.trim() ? null : uniqueByName(db, fullName));
        if (person) result.reusedPeople++;
        else {
          const np: NewPerson = { fullName, titles, organization };
          person = createPerson(db, at, np);
          result.createdPeople++;
        }
        addAttendee(db, at, { meetingId: input.meetingId, personId: person.id, role, titles: titles.length ? titles : undefined });
        result.imported++;
      } else if (r.rec) {
        const v = r.rec;
        const rec = createRecommendation(db, at, input.meetingId, 'before', {
          raisedByText: v.raisedByText,
          unit: v.unit,
          topic: v.topic,
          content: v.content,
          shortPhrase: v.shortPhrase,
        });
        result.imported++;
        if (v.responderText.trim() || v.replyContent.trim()) {
          createReply(db, at, input.meetingId, { kind: 'written_before', responderText: v.responderText, content: v.replyContent, recommendationIds: [rec.id] });
          result.replies++;
        }
      }
    }
  })();
  return result;
}

/** A person in the directory with exactly this name, when there is only one (the file gave no unit). */
function uniqueByName(db: Database, fullName: string): ReturnType<typeof findPerson> {
  const ids = db.prepare('SELECT id, organization FROM people WHERE full_name = ? LIMIT 2').all(fullName) as { id: number; organization: string }[];
  return ids.length === 1 ? findPerson(db, fullName, ids[0]!.organization) : null;
}

// The office's settings for the register: its statuses (defaults seeded by migration 005) and the
// agencies it assigns kiến nghị to. Statuses are never deleted, since the history names them by
// key: one left out of a save is hidden from the choice list instead.
import type { Database } from 'better-sqlite3';
import type { Agency, FollowupStatus, StatusCategory } from '../../shared/followup';
import { UserError } from '../../shared/result';

type StatusRow = { key: string; label: string; category: StatusCategory; answered: number; sort_order: number; active: number };

export function listStatuses(db: Database): FollowupStatus[] {
  return (db.prepare('SELECT * FROM followup_statuses ORDER BY sort_order, key').all() as StatusRow[]).map((r) => ({
    key: r.key,
    label: r.label,
    category: r.category,
    answered: r.answered === 1,
    sortOrder: r.sort_order,
    active: r.active === 1,
  }));
}

export function statusMap(db: Database): Map<string, FollowupStatus> {
  return new Map(listStatuses(db).map((s) => [s.key, s]));
}

/** A status key no office here knows (from another office's file) reads as an open, unanswered one. */
export function statusOf(map: Map<string, FollowupStatus>, key: string): FollowupStatus {
  return map.get(key) ?? { key, label: key, category: 'open', answered: false, sortOrder: 10_000, active: false };
}

export function saveStatuses(db: Database, statuses: readonly FollowupStatus[]): FollowupStatus[] {
  const keys = new Set<string>();
  for (const s of statuses) {
    if (keys.has(s.key)) throw new UserError('invalid', `Mã trạng thái "${s.key}" bị lặp. Mỗi trạng thái cần một mã riêng.`);
    keys.add(s.key);
  }
  if (!statuses.some((s) => s.active)) throw new UserError('invalid', 'Cần ít nhất một trạng thái đang dùng.');
  db.transaction(() => {
    const upsert = db.prepare(
      `INSERT INTO followup_statuses (key, label, category, answered, sort_order, active) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET label = excluded.label, category = excluded.category, answered = excluded.answered, sort_order = excluded.sort_order, active = excluded.active`,
    );
    for (const s of statuses) upsert.run(s.key, s.label.trim(), s.category, s.answered ? 1 : 0, s.sortOrder, s.active ? 1 : 0);
    // Left out of the list: hidden, never deleted (items and history still name it).
    const hide = db.prepare('UPDATE followup_statuses SET active = 0 WHERE key = ?');
    for (const s of listStatuses(db)) if (!keys.has(s.key)) hide.run(s.key);
  })();
  return listStatuses(db);
}

/** Adds statuses that a merged file uses and this office lacks (keeps this office's own wording). */
export function addMissingStatuses(db: Database, statuses: readonly Omit<FollowupStatus, 'sortOrder' | 'active'>[]): number {
  const max = (db.prepare('SELECT COALESCE(max(sort_order), 0) AS m FROM followup_statuses').get() as { m: number }).m;
  const insert = db.prepare('INSERT OR IGNORE INTO followup_statuses (key, label, category, answered, sort_order, active) VALUES (?, ?, ?, ?, ?, 1)');
  let added = 0;
  statuses.forEach((s, i) => {
    added += insert.run(s.key, s.label, s.category, s.answered ? 1 : 0, max + i + 1).changes;
  });
  return added;
}

type AgencyRow = { id: number; name: string; active: number; sort_order: number };
const toAgency = (r: AgencyRow): Agency => ({ id: r.id, name: r.name, active: r.active === 1, sortOrder: r.sort_order });

export function listAgencies(db: Database): Agency[] {
  return (db.prepare('SELECT * FROM agencies ORDER BY sort_order, name').all() as AgencyRow[]).map(toAgency);
}

export function saveAgency(db: Database, input: { id?: number | undefined; name: string; active: boolean }): Agency {
  const name = input.name.trim();
  const same = db.prepare('SELECT * FROM agencies WHERE name = ?').get(name) as AgencyRow | undefined;
  if (input.id === undefined) {
    if (same) {
      db.prepare('UPDATE agencies SET active = ? WHERE id = ?').run(input.active ? 1 : 0, same.id);
      return toAgency({ ...same, active: input.active ? 1 : 0 });
    }
    const order = (db.prepare('SELECT COALESCE(max(sort_order), 0) + 1 AS n FROM agencies').get() as { n: number }).n;
    const id = Number(db.prepare('INSERT INTO agencies (name, active, sort_order) VALUES (?, ?, ?)').run(name, input.active ? 1 : 0, order).lastInsertRowid);
    return toAgency({ id, name, active: input.active ? 1 : 0, sort_order: order });
  }
  const row = db.prepare('SELECT * FROM agencies WHERE id = ?').get(input.id) as AgencyRow | undefined;
  if (!row) throw new UserError('not_found', 'Không tìm thấy cơ quan, đơn vị này (có thể đã bị xóa). Hãy tải lại danh sách.');
  if (same && same.id !== row.id) throw new UserError('invalid', `Đã có cơ quan, đơn vị "${name}" trong danh sách. Hãy chọn tên đó hoặc đặt tên khác.`);
  // The history keeps the name an item was assigned with; a rename applies to new assignments.
  db.prepare('UPDATE agencies SET name = ?, active = ? WHERE id = ?').run(name, input.active ? 1 : 0, row.id);
  return toAgency({ ...row, name, active: input.active ? 1 : 0 });
}

/** Keeps the office's list complete: a name typed in a change or merged from a file joins it. */
export function ensureAgency(db: Database, name: string): void {
  const n = name.trim();
  if (!n) return;
  db.prepare('INSERT OR IGNORE INTO agencies (name, active, sort_order) VALUES (?, 1, (SELECT COALESCE(max(sort_order), 0) + 1 FROM agencies))').run(n);
}

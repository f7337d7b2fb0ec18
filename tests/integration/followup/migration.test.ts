// Migration 005 from a version-4 database with data in it, on a real file.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { queryRegister } from '../../../electron/core/followup/register';
import { tempDir } from '../../helpers/tmp';

const dbs: Database.Database[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

describe('migration 005 (follow-up register)', () => {
  it('backfills unique uids, seeds the statuses, keeps the drafts and allows the notice kind', () => {
    const db = new Database(path.join(tempDir(), 't.sqlite3'));
    dbs.push(db);
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 4);
    db.prepare("INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES (1, 'Đối thoại', '2025-10-10', 'x', 'x'), (2, 'Đối thoại 2', NULL, '2025-11-01T03:00:00.000Z', 'x')").run();
    const rec = db.prepare("INSERT INTO recommendations (meeting_id, phase, content, topic, seq, updated_at) VALUES (?, 'during', ?, 'đất đai', ?, 'x')");
    rec.run(1, 'Cấp sổ đỏ', 1);
    rec.run(1, 'Sửa đường', 2);
    rec.run(2, 'Chiếu sáng', 1);
    db.prepare("INSERT INTO replies (id, meeting_id, kind, agency, deadline, seq, updated_at) VALUES (1, 1, 'written_later', 'UBND phường', '2025-11-30', 3, 'x')").run();
    db.prepare('INSERT INTO reply_links VALUES (1, 2)').run();
    db.prepare("INSERT INTO documents (meeting_id, kind, blocks_json, source_hash, generated_at, updated_at) VALUES (1, 'minutes', '[]', 'h', 'x', 'x')").run();
    expect(() => db.prepare("INSERT INTO documents (meeting_id, kind, blocks_json, source_hash, generated_at, updated_at) VALUES (1, 'notice', '[]', 'h', 'x', 'x')").run()).toThrow(/CHECK/);

    migrate(db, MIGRATIONS, 5);
    expect(schemaVersion(db)).toBe(5);
    const uids = db.prepare('SELECT uid FROM meetings UNION ALL SELECT uid FROM recommendations').all() as { uid: string | null }[];
    expect(uids).toHaveLength(5);
    expect(uids.every((u) => u.uid && /^[0-9a-f-]{36}$/.test(u.uid))).toBe(true);
    expect(new Set(uids.map((u) => u.uid)).size).toBe(5);
    expect(db.prepare('SELECT kind, blocks_json FROM documents').all()).toEqual([{ kind: 'minutes', blocks_json: '[]' }]);
    db.prepare("INSERT INTO documents (meeting_id, kind, blocks_json, source_hash, generated_at, updated_at) VALUES (1, 'notice', '[]', 'h', 'x', 'x')").run();
    expect((db.prepare('SELECT count(*) AS n FROM followup_statuses').get() as { n: number }).n).toBe(8);
    // The register is built from the existing records on first read.
    const page = queryRegister(db, { limit: 100 }, '2025-12-15');
    expect(page.items.map((i) => [i.content, i.status, i.agency, i.deadline, i.overdue, i.receivedOn])).toEqual([
      ['Chiếu sáng', 'unanswered', '', null, false, '2025-11-01'],
      ['Cấp sổ đỏ', 'unanswered', '', null, false, '2025-10-10'],
      ['Sửa đường', 'awaiting_written', 'UBND phường', '2025-11-30', true, '2025-10-10'],
    ]);
    // New rows get a uid on insert, whatever code path inserts them.
    db.prepare("INSERT INTO recommendations (meeting_id, phase, content, seq, updated_at) VALUES (2, 'during', 'Mới', 2, 'x')").run();
    expect((db.prepare("SELECT uid FROM recommendations WHERE content = 'Mới'").get() as { uid: string | null }).uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

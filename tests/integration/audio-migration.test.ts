// Migration 007 (hall audio) from 006 with data: existing rows stay, old entries get no moment,
// new entries of every kind are stamped in the same transaction as their insert.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDir } from '../helpers/tmp';

const dbs: Database.Database[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

it('6 -> 7 keeps rows, adds the audio tables and stamps new entries of each kind', () => {
  const db = new Database(path.join(tempDir(), 't.sqlite3'));
  dbs.push(db);
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, 6);
  db.prepare("INSERT INTO meetings (id, title, created_at, updated_at) VALUES (1, 'Hội nghị', 'x', 'x')").run();
  db.prepare("INSERT INTO recommendations (id, meeting_id, phase, content, seq, updated_at) VALUES (3, 1, 'during', 'Đề nghị cũ', 1, '2026-03-01T08:00:00.000Z')").run();
  migrate(db, MIGRATIONS, 7);
  expect(schemaVersion(db)).toBeGreaterThanOrEqual(7);
  expect(db.prepare('SELECT content FROM recommendations WHERE id = 3').get()).toEqual({ content: 'Đề nghị cũ' });
  expect(db.prepare('SELECT count(*) AS n FROM audio_marks').get()).toEqual({ n: 0 });
  db.prepare("INSERT INTO recommendations (id, meeting_id, phase, content, seq, updated_at) VALUES (4, 1, 'during', 'Mới', 2, '2026-03-01T08:01:00.000Z')").run();
  db.prepare("INSERT INTO replies (id, meeting_id, content, kind, seq, updated_at) VALUES (5, 1, 'Trả lời', 'on_spot', 3, '2026-03-01T08:02:00.000Z')").run();
  db.prepare("INSERT INTO speeches (id, meeting_id, kind, summary, seq, updated_at) VALUES (6, 1, 'conclusion', 'Kết luận', 4, '2026-03-01T08:03:00.000Z')").run();
  db.prepare("INSERT INTO photos (id, meeting_id, mime, width, height, data, thumb, sort_order, created_at) VALUES (7, 1, 'image/jpeg', 1, 1, x'00', x'00', 1, '2026-03-01T08:04:00.000Z')").run();
  db.prepare("UPDATE recommendations SET updated_at = '2026-03-01T09:00:00.000Z' WHERE id = 4").run();
  expect(db.prepare('SELECT kind, item_id, meeting_id, at FROM audio_marks ORDER BY item_id').all()).toEqual([
    { kind: 'rec', item_id: 4, meeting_id: 1, at: '2026-03-01T08:01:00.000Z' },
    { kind: 'reply', item_id: 5, meeting_id: 1, at: '2026-03-01T08:02:00.000Z' },
    { kind: 'speech', item_id: 6, meeting_id: 1, at: '2026-03-01T08:03:00.000Z' },
    { kind: 'photo', item_id: 7, meeting_id: 1, at: '2026-03-01T08:04:00.000Z' },
  ]);
  db.prepare("INSERT INTO audio_parts (meeting_id, part, mime, started_at) VALUES (1, 1, 'audio/webm', '2026-03-01T08:00:00.000Z')").run();
  expect(() => db.prepare('INSERT INTO audio_speech (meeting_id, part, start_ms, end_ms) VALUES (1, 1, 500, 400)').run()).toThrow(/CHECK/);
  // Deleting the meeting takes its audio rows with it.
  db.prepare('DELETE FROM meetings WHERE id = 1').run();
  expect(db.prepare('SELECT (SELECT count(*) FROM audio_parts) + (SELECT count(*) FROM audio_marks) AS n').get()).toEqual({ n: 0 });
});

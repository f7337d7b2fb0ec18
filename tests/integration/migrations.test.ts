// Each migration is tested from N-1 to N with data in the tables, on a real file.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { tempDir } from '../helpers/tmp';
import { UserError } from '../../electron/shared/result';

const dbs: Database.Database[] = [];
function fresh(): Database.Database {
  const db = new Database(path.join(tempDir(), 't.sqlite3'));
  db.pragma('foreign_keys = ON');
  dbs.push(db);
  return db;
}
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

describe('migrations', () => {
  it('are numbered 1..N in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('0 -> 1 creates STRICT tables that keep typed rows', () => {
    const db = fresh();
    migrate(db, MIGRATIONS, 1);
    expect(schemaVersion(db)).toBe(1);
    db.prepare("INSERT INTO meetings (title, created_at, updated_at) VALUES ('Hội nghị đối thoại', 'x', 'x')").run();
    expect(() => db.prepare("INSERT INTO meetings (title, revision, created_at, updated_at) VALUES ('a', 'không phải số', 'x', 'x')").run()).toThrow(/cannot store TEXT value in INTEGER column/);
    const strict = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; strict: number }[];
    expect(strict.length).toBeGreaterThan(10);
    for (const t of strict) expect(t, t.name).toMatchObject({ strict: 1 });
  });

  it('1 -> 2 adds the search index and keeps existing rows', () => {
    const db = fresh();
    migrate(db, MIGRATIONS, 1);
    db.prepare("INSERT INTO meetings (id, title, created_at, updated_at) VALUES (7, 'Đối thoại sông Pheo', 'x', 'x')").run();
    db.prepare("INSERT INTO people (full_name, created_at, updated_at) VALUES ('Nguyễn Hữu Tuyên', 'x', 'x')").run();
    migrate(db, MIGRATIONS, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT title FROM meetings WHERE id = 7').get()).toEqual({ title: 'Đối thoại sông Pheo' });
    expect(db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 1 });
    db.prepare("INSERT INTO search_index (rowid, body, meeting_id, original) VALUES (1, 'song pheo', 7, 'sông Pheo')").run();
    expect(db.prepare("SELECT meeting_id FROM search_index WHERE search_index MATCH 'pheo'").get()).toEqual({ meeting_id: 7 });
  });

  it('3 -> 4 widens speech and reply kinds without losing a row or a reply link', () => {
    const db = fresh();
    migrate(db, MIGRATIONS, 3);
    db.prepare("INSERT INTO meetings (id, title, created_at, updated_at) VALUES (1, 'Hội nghị', 'x', 'x')").run();
    db.prepare("INSERT INTO people (id, full_name, created_at, updated_at) VALUES (1, 'Vũ Minh Thành', 'x', 'x')").run();
    db.prepare("INSERT INTO attendees (id, meeting_id, person_id, role, sort_order) VALUES (1, 1, 1, 'chair', 1)").run();
    db.prepare("INSERT INTO speeches (id, meeting_id, kind, speaker_attendee_id, summary, seq, updated_at) VALUES (5, 1, 'conclusion', 1, 'Kết luận', 9, 'x')").run();
    db.prepare("INSERT INTO recommendations (id, meeting_id, phase, content, seq, updated_at) VALUES (3, 1, 'during', 'Đề nghị', 2, 'x')").run();
    db.prepare("INSERT INTO replies (id, meeting_id, responder_attendee_id, content, kind, seq, updated_at) VALUES (4, 1, 1, 'Trả lời', 'on_spot', 3, 'x')").run();
    db.prepare('INSERT INTO reply_links (reply_id, recommendation_id) VALUES (4, 3)').run();
    migrate(db, MIGRATIONS, 4);
    expect(schemaVersion(db)).toBe(4);
    // The rebuild of `replies` must not cascade into the links, and ids stay as they were.
    expect(db.prepare('SELECT reply_id, recommendation_id FROM reply_links').all()).toEqual([{ reply_id: 4, recommendation_id: 3 }]);
    expect(db.prepare('SELECT id, kind, speaker_attendee_id, summary FROM speeches').all()).toEqual([{ id: 5, kind: 'conclusion', speaker_attendee_id: 1, summary: 'Kết luận' }]);
    expect(db.prepare('SELECT id, kind, content FROM replies').all()).toEqual([{ id: 4, kind: 'on_spot', content: 'Trả lời' }]);
    // New kinds are accepted, anything else still refused; foreign keys are back on and enforced.
    db.prepare("INSERT INTO speeches (meeting_id, kind, seq, updated_at) VALUES (1, 'opening', 1, 'x')").run();
    db.prepare("INSERT INTO replies (meeting_id, kind, seq, updated_at) VALUES (1, 'forwarded', 4, 'x')").run();
    expect(() => db.prepare("INSERT INTO speeches (meeting_id, kind, seq, updated_at) VALUES (1, 'speech', 1, 'x')").run()).toThrow(/CHECK/);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare("INSERT INTO replies (meeting_id, kind, seq, updated_at) VALUES (99, 'on_spot', 1, 'x')").run()).toThrow(/FOREIGN KEY/);
    // Deleting a reply still removes its links (the cascade survived the rebuild).
    db.prepare('DELETE FROM replies WHERE id = 4').run();
    expect(db.prepare('SELECT count(*) AS n FROM reply_links').get()).toEqual({ n: 0 });
    // The meeting's new details read as "not recorded".
    expect(db.prepare('SELECT headline, session, legal_basis_json, counts_json, attendance_count FROM meetings').get()).toEqual({
      headline: '',
      session: null,
      legal_basis_json: '[]',
      counts_json: '{}',
      attendance_count: null,
    });
    expect(() => db.prepare("UPDATE meetings SET session = 'trưa'").run()).toThrow(/CHECK/);
  });

  it('a failing migration leaves the database at its old version, untouched', () => {
    const db = fresh();
    migrate(db, MIGRATIONS, 1);
    const broken = [...MIGRATIONS.slice(0, 1), { version: 2, name: 'boom', up: (d: Database.Database) => { d.exec('CREATE TABLE half_done (x INTEGER) STRICT'); throw new Error('boom'); } }];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
  });

  it('refuses a database from a newer app version and leaves it as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, 'future.sqlite3');
    const db = new Database(file);
    db.exec("CREATE TABLE keep (x TEXT); INSERT INTO keep VALUES ('dữ liệu');");
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    let err: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('db_from_future');
    expect((err as UserError).message).toMatch(/phiên bản mới hơn/);
    const again = new Database(file, { readonly: true });
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 5);
    expect(again.prepare('SELECT x FROM keep').get()).toEqual({ x: 'dữ liệu' });
    again.close();
  });

  it('opens with WAL, synchronous=FULL and foreign keys on', () => {
    const db = openDatabase(path.join(tempDir(), 'a.sqlite3'));
    dbs.push(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
  });
});

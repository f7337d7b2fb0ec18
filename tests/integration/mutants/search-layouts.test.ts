// Search on both index layouts, pinned against the mutants Stryker left alive in
// electron/core/search/search.ts after issue 15 (recency rowids, the ranked window): a file not yet
// migrated to 008 (rowid = kind * 2^40 + id) must still index, unindex and search exactly; the
// recency layout must leave no mapping rows behind, keep handing out negative rowids, and name a
// row of a kind it does not know as the meeting; an excerpt must not come out empty when the word
// starts a line. Real SQLite files through openDatabase / the core.
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { indexItem, searchAll, snippetOf, unindexItem, unindexMeeting } from '../../../electron/core/search/search';
import { tempCore, tempDir, type TestCore } from '../../helpers/core';

const SPAN = 2 ** 40;
const key = (h: { entity: string; entityId: number; meetingId: number }): string => `${h.entity}:${h.entityId}@${h.meetingId}`;

let open: Database | null = null;
let core: TestCore | null = null;
afterEach(() => {
  open?.close();
  open = null;
  core?.dispose();
  core = null;
});

/** A file stopped at migration 7: the index layout before search_rows. */
function legacyDb(): Database {
  open = openDatabase(path.join(tempDir(), 'thuky.sqlite3'), { targetVersion: 7 });
  open.prepare("INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES (1, 'Hội nghị cũ', '2024-05-01', 'x', 'x'), (2, 'Hội nghị khác', NULL, 'x', 'x')").run();
  return open;
}

const indexRows = (db: Database) => db.prepare('SELECT rowid, meeting_id, original FROM search_index ORDER BY rowid').all();

describe('a file indexed before migration 008', () => {
  it('has no search_rows, and writes one row per item at kind * 2^40 + id', () => {
    const db = legacyDb();
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'search_rows'").pluck().get()).toBe(0);
    indexItem(db, 'recommendation', 7, 1, ['Cấp giấy chứng nhận']);
    indexItem(db, 'attendee', 3, 2, ['Nguyễn Thị Giang']);
    expect(indexRows(db)).toEqual([
      { rowid: 2 * SPAN + 3, meeting_id: 2, original: 'Nguyễn Thị Giang' },
      { rowid: 4 * SPAN + 7, meeting_id: 1, original: 'Cấp giấy chứng nhận' },
    ]);
  });

  it('re-indexing replaces the row in place, blank text and unindexItem remove only that item', () => {
    const db = legacyDb();
    indexItem(db, 'speech', 5, 1, ['cũ']);
    indexItem(db, 'reply', 5, 1, ['trả lời']);
    indexItem(db, 'speech', 5, 1, ['mới']);
    expect(indexRows(db)).toEqual([
      { rowid: 3 * SPAN + 5, meeting_id: 1, original: 'mới' },
      { rowid: 5 * SPAN + 5, meeting_id: 1, original: 'trả lời' },
    ]);
    indexItem(db, 'speech', 5, 1, ['  ']);
    expect(indexRows(db)).toEqual([{ rowid: 5 * SPAN + 5, meeting_id: 1, original: 'trả lời' }]);
    indexItem(db, 'speech', 6, 1, ['lại']);
    unindexItem(db, 'reply', 5);
    expect(indexRows(db)).toEqual([{ rowid: 3 * SPAN + 6, meeting_id: 1, original: 'lại' }]);
  });

  it('unindexing a meeting removes its rows and keeps the other meeting’s', () => {
    const db = legacyDb();
    indexItem(db, 'speech', 1, 1, ['một']);
    indexItem(db, 'reply', 2, 1, ['hai']);
    indexItem(db, 'speech', 3, 2, ['ba']);
    unindexMeeting(db, 1);
    expect(indexRows(db)).toEqual([{ rowid: 3 * SPAN + 3, meeting_id: 2, original: 'ba' }]);
  });

  it('searches every match best first, naming entity, id and meeting, leaving the trash out', () => {
    const db = legacyDb();
    const filler = 'ý kiến về đường giao thông và thoát nước khu dân cư '.repeat(6);
    indexItem(db, 'reply', 12, 1, [`${filler} sông Pheo ${filler}`]);
    indexItem(db, 'attendee', 9, 2, ['Sông Pheo: nạo vét sông Pheo']);
    indexItem(db, 'meeting', 1, 1, ['Hội nghị cũ']);
    const hits = searchAll(db, 'song pheo');
    expect(hits.map(key)).toEqual(['attendee:9@2', 'reply:12@1']);
    expect(hits[0]).toEqual({ meetingId: 2, meetingTitle: 'Hội nghị khác', meetingDate: null, entity: 'attendee', entityId: 9, snippet: 'Sông Pheo: nạo vét sông Pheo' });
    expect(hits[1]).toMatchObject({ meetingTitle: 'Hội nghị cũ', meetingDate: '2024-05-01' });
    expect(searchAll(db, 'song pheo', 1).map(key)).toEqual(['attendee:9@2']);
    expect(searchAll(db, 'hoi nghi cu').map(key)).toEqual(['meeting:1@1']);
    db.prepare("UPDATE meetings SET deleted_at = 'x' WHERE id = 2").run();
    expect(searchAll(db, 'song pheo').map(key)).toEqual(['reply:12@1']);
  });

  it('names a row of a kind it does not know (a newer app wrote it) as the meeting', () => {
    const db = legacyDb();
    db.prepare('INSERT INTO search_index (rowid, body, meeting_id, original) VALUES (?, ?, 1, ?)').run(9 * SPAN + 4, 'xylophon', 'Xylophon');
    expect(searchAll(db, 'xylophon').map(key)).toEqual(['meeting:4@1']);
  });
});

describe('the recency layout (migration 008 onwards)', () => {
  const mapRows = (db: Database, meetingId: number) => db.prepare('SELECT kind, item_id FROM search_rows WHERE meeting_id = ? ORDER BY rowid').all(meetingId);

  it('unindexing a meeting removes its mapping rows too, and only its own', async () => {
    core = tempCore();
    const a = await core.call('meeting.create', { fields: { title: 'A' } });
    const b = await core.call('meeting.create', { fields: { title: 'B' } });
    indexItem(core.db, 'speech', 1, a.id, ['một']);
    indexItem(core.db, 'speech', 2, b.id, ['hai']);
    unindexMeeting(core.db, a.id);
    expect(mapRows(core.db, a.id)).toEqual([]);
    expect(core.db.prepare('SELECT count(*) FROM search_index WHERE meeting_id = ?').pluck().get(a.id)).toBe(0);
    expect(mapRows(core.db, b.id)).toContainEqual({ kind: 3, item_id: 2 });
    // Every index row still has its mapping row and the other way round.
    expect(core.db.prepare('SELECT count(*) FROM search_rows').pluck().get()).toBe(core.db.prepare('SELECT count(*) FROM search_index').pluck().get());
  });

  it('hands out a negative rowid even when the table holds a non-negative one', async () => {
    core = tempCore();
    const m = await core.call('meeting.create', { fields: { title: 'Thử' } });
    // A file whose mapping starts at rowid 1 (written by hand or by another tool): min - 1 is 0,
    // and 0 is not "newer than everything": the next rowid is -1.
    core.db.prepare('DELETE FROM search_index').run();
    core.db.prepare('DELETE FROM search_rows').run();
    core.db.prepare('INSERT INTO search_rows (rowid, kind, item_id, meeting_id) VALUES (1, 3, 90, ?)').run(m.id);
    core.db.prepare("INSERT INTO search_index (rowid, body, meeting_id, original) VALUES (1, 'cu', ?, 'cũ')").run(m.id);
    indexItem(core.db, 'speech', 91, m.id, ['mới']);
    expect(core.db.prepare('SELECT rowid, item_id FROM search_rows ORDER BY rowid').all()).toEqual([
      { rowid: -1, item_id: 91 },
      { rowid: 1, item_id: 90 },
    ]);
    indexItem(core.db, 'speech', 92, m.id, ['mới nữa']);
    expect(core.db.prepare('SELECT min(rowid) FROM search_rows').pluck().get()).toBe(-2);
  });

  it('names a row of a kind it does not know as the meeting', async () => {
    core = tempCore();
    const m = await core.call('meeting.create', { fields: { title: 'Thử' } });
    core.db.prepare('INSERT INTO search_rows (rowid, kind, item_id, meeting_id) VALUES (-9000, 9, 4, ?)').run(m.id);
    core.db.prepare("INSERT INTO search_index (rowid, body, meeting_id, original) VALUES (-9000, 'xylophon', ?, 'Xylophon')").run(m.id);
    expect(searchAll(core.db, 'xylophon').map(key)).toEqual([`meeting:4@${m.id}`]);
  });
});

describe('the excerpt around a word that starts a line', () => {
  it('shows that line, not an empty excerpt', () => {
    expect(snippetOf('Dòng một\nSông Pheo cạn', 'dong mot\nsong pheo can', ['song'])).toBe('Sông Pheo cạn');
    expect(snippetOf('Dòng một\nSông Pheo cạn\nDòng ba', 'dong mot\nsong pheo can\ndong ba', ['pheo'])).toBe('Sông Pheo cạn');
  });

  it('with no word found in a text that begins with a line break, shows its first line', () => {
    expect(snippetOf('\nSông Pheo\nDòng hai', '\nsong pheo\ndong hai', ['zz'])).toBe('Sông Pheo');
  });

  it('through the core: a recommendation written on two lines', async () => {
    core = tempCore();
    const m = await core.call('meeting.create', { fields: { title: 'Thử' } });
    indexItem(core.db, 'recommendation', 1, m.id, ['Đề nghị:\nNạo vét sông Pheo']);
    expect(searchAll(core.db, 'nao vet').map((h) => h.snippet)).toEqual(['Nạo vét sông Pheo']);
  });
});

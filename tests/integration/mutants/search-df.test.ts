// Migration 011's counts of rows per word prefix (electron/core/search/df.ts) and the ranking that
// uses them (rankQuery in electron/core/search/search.ts): the counts must equal what FTS5 counts
// through every kind of write, a word is proven common only at half the rows or more, and a
// ranking that leaves the common words out keeps the same window, the same hits and bm25's order
// except among rows its informative words score the same (newest first there). Real SQLite files.
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { broadWords, DF_MAX, prefixesOf } from '../../../electron/core/search/df';
import { indexItem, RANK_WINDOW, rankQuery, rankWindow, searchAll, toFtsQuery, unindexItem, unindexMeeting } from '../../../electron/core/search/search';
import { tempCore, tempDir, type TestCore } from '../../helpers/core';

let core: TestCore | null = null;
let open: Database | null = null;
afterEach(() => {
  core?.dispose();
  core = null;
  open?.close();
  open = null;
});

const df = (db: Database, term: string): number => (db.prepare('SELECT n FROM search_df WHERE term = ?').pluck().get(term) as number | undefined) ?? 0;
const ftsCount = (db: Database, term: string): number => db.prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck().get(`"${term}"*`) as number;
const rowCount = (db: Database): number => db.prepare('SELECT count(*) FROM search_index').pluck().get() as number;
const TERMS = ['c', 'co', 'con', 'cong', 'nh', 'nhan', 'nhanh', 'pheo', 'song', 's', 'tr', 'truong', 'x'];
/** Every counted term against FTS5's own count, and '' against the rows. */
const agrees = (db: Database): void => {
  expect(TERMS.map((t) => [t, df(db, t)])).toEqual(TERMS.map((t) => [t, ftsCount(db, t)]));
  expect(df(db, '')).toBe(rowCount(db));
};
const itemOf = (db: Database, rowid: number): number => db.prepare('SELECT item_id FROM search_rows WHERE rowid = ?').pluck().get(rowid) as number;
const ids = (hits: { entityId: number }[]): number[] => hits.map((h) => h.entityId);

describe('rows per word prefix', () => {
  it('lists each prefix of one to six characters once, and the row itself', () => {
    expect([...prefixesOf('cong cong co \n truongg')].sort()).toEqual(['', 'c', 'co', 'con', 'cong', 't', 'tr', 'tru', 'truo', 'truon', 'truong'].sort());
    expect(DF_MAX).toBe(6);
  });

  it('equals what FTS5 counts through new rows, edits, blank text, unindexing an item and a meeting', async () => {
    core = tempCore();
    const db = core.db;
    const a = await core.call('meeting.create', { fields: { title: 'Cổng trường' } });
    const b = await core.call('meeting.create', { fields: { title: 'Sông Pheo' } });
    agrees(db);
    indexItem(db, 'recommendation', 1, a.id, ['Nhân dân phường Cổ Nhuế', 'Cổng trường học']);
    indexItem(db, 'recommendation', 2, a.id, ['Nhanh chóng nạo vét sông Pheo']);
    indexItem(db, 'reply', 3, b.id, ['Có công với cách mạng', 'xã Xuân']);
    agrees(db);
    // An edit that drops one word and adds another.
    indexItem(db, 'recommendation', 1, a.id, ['Nhân dân phường Cổ Nhuế', 'Cổng chợ']);
    agrees(db);
    indexItem(db, 'recommendation', 2, a.id, ['  ']);
    agrees(db);
    unindexItem(db, 'reply', 3);
    agrees(db);
    indexItem(db, 'speech', 4, b.id, ['Sông Pheo cạn']);
    unindexMeeting(db, a.id);
    agrees(db);
    expect(df(db, 'pheo')).toBe(2);
  });

  it('is counted by migration 011 from the rows a file already holds', () => {
    const file = path.join(tempDir(), 'thuky.sqlite3');
    const old = openDatabase(file, { targetVersion: 10 });
    old.prepare("INSERT INTO meetings (id, title, created_at, updated_at) VALUES (1, 'Cũ', 'x', 'x')").run();
    ['Cấp giấy chứng nhận', 'Nhanh chóng cấp', 'Trường học xuống cấp', 'Người có công'].forEach((t, i) => indexItem(old, 'recommendation', i + 1, 1, [t]));
    expect(old.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'search_df'").pluck().get()).toBe(0);
    old.close();
    open = openDatabase(file);
    agrees(open);
    expect(df(open, 'cap')).toBe(3);
  });

  it('a file stopped before migration 011 searches and indexes without the counts', () => {
    open = openDatabase(path.join(tempDir(), 'thuky.sqlite3'), { targetVersion: 10 });
    open.prepare("INSERT INTO meetings (id, title, created_at, updated_at) VALUES (1, 'Cũ', 'x', 'x')").run();
    ['co pheo', 'co mot', 'co hai'].forEach((t, i) => indexItem(open!, 'speech', i + 1, 1, [t]));
    unindexItem(open, 'speech', 3);
    expect(broadWords(open, ['co'])).toEqual(new Set());
    expect(ids(searchAll(open, 'co pheo'))).toEqual([1]);
    unindexMeeting(open, 1);
    expect(rowCount(open)).toBe(0);
  });

  it('proves a word common at half the rows or more, never below, never past six characters', async () => {
    core = tempCore();
    const db = core.db;
    // The index holds no other row: no meeting created through the core.
    db.prepare("INSERT INTO meetings (id, title, created_at, updated_at) VALUES (1, 'T', 'x', 'x')").run();
    ['cổng trường abcdefgh', 'cổng trường abcdefgh', 'cổng abcdefgh', 'phường abcdefgh'].forEach((t, i) => indexItem(db, 'speech', i + 1, 1, [t]));
    // 4 rows: "cong" in 3, "truong" in 2 (exactly half), "phuong" in 1, "abcdefgh" in all.
    expect([...broadWords(db, ['cong', 'truong', 'phuong', 'abcdefgh', 'abcdef', 'zz'])].sort()).toEqual(['abcdef', 'cong', 'truong']);
  });
});

describe('ranking by the informative words', () => {
  async function archive(): Promise<{ db: Database; meetingId: number }> {
    core = tempCore();
    const m = await core.call('meeting.create', { fields: { title: 'Hội nghị' } });
    // "co" in every row but the title's, "pheo" in fewer than half: "co" is proven common.
    for (let i = 0; i < 6; i++) indexItem(core.db, 'speech', 100 + i, m.id, [`co mot hai ba ${i}`]);
    return { db: core.db, meetingId: m.id };
  }

  it('keeps bm25’s order on the informative words; among rows they score the same, the newest first', async () => {
    const { db, meetingId } = await archive();
    // Same length, "pheo" once each: only "co" (3 times against once) tells 1 from 2 in bm25.
    indexItem(db, 'recommendation', 1, meetingId, ['co co co pheo']);
    indexItem(db, 'recommendation', 2, meetingId, ['co ab cd pheo']);
    expect(broadWords(db, ['co', 'pheo'])).toEqual(new Set(['co']));
    // bm25 over every word puts 1 first by a millionth of a point …
    const every = rankWindow(db, toFtsQuery('co pheo')!, 10);
    expect(every.map((r) => itemOf(db, r.rowid))).toEqual([1, 2]);
    expect(every[1]!.score - every[0]!.score).toBeGreaterThan(0);
    expect(every[1]!.score - every[0]!.score).toBeLessThan(3e-6);
    expect(ids(searchAll(db, 'co pheo'))).toEqual([2, 1]);
    // … while "pheo" twice in a row of the same length outranks both, whenever it was written.
    indexItem(db, 'recommendation', 3, meetingId, ['pheo pheo co ab']);
    indexItem(db, 'recommendation', 4, meetingId, ['co ab cd pheo']);
    expect(ids(searchAll(db, 'co pheo'))).toEqual([3, 4, 2, 1]);
    expect(ids(searchAll(db, 'pheo co', 2))).toEqual([3, 4]);
    // Nothing to search for: no ranking at all (FTS5 would refuse an empty query).
    expect(rankQuery(db, '!!! ...', 5)).toEqual([]);
  });

  it('finds only rows holding every word, and only in the newest window, live meetings only', async () => {
    const { db, meetingId } = await archive();
    const gone = await core!.call('meeting.create', { fields: { title: 'Thùng rác' } });
    // The best row, oldest: outside the window once a full window of newer matches is written.
    indexItem(db, 'recommendation', 1, meetingId, ['pheo pheo pheo co']);
    db.transaction(() => {
      for (let i = 2; i <= RANK_WINDOW + 1; i++) indexItem(db, 'recommendation', i, gone.id, [`co pheo ${'lorem '.repeat(i % 5)}`]);
      // Rows without "pheo" keep it below half; one without "co" sits among the window's rows.
      for (let i = 0; i < RANK_WINDOW + 50; i++) indexItem(db, 'speech', 1000 + i, meetingId, ['co khac']);
      indexItem(db, 'reply', 7, meetingId, ['pheo pheo pheo pheo']);
      indexItem(db, 'recommendation', RANK_WINDOW + 2, gone.id, ['co pheo']);
    })();
    expect(broadWords(db, ['co', 'pheo'])).toEqual(new Set(['co']));
    const hits = searchAll(db, 'co pheo', RANK_WINDOW);
    expect(hits).toHaveLength(RANK_WINDOW);
    expect(hits.every((h) => h.entity === 'recommendation' && h.meetingId === gone.id)).toBe(true);
    expect(ids(hits)).not.toContain(1);
    // The same window and rows as bm25 over every word, whatever their order among equal scores.
    const every = rankWindow(db, toFtsQuery('co pheo')!, RANK_WINDOW).map((r) => itemOf(db, r.rowid));
    expect(ids(hits).sort((x, y) => x - y)).toEqual(every.sort((x, y) => x - y));
    // Trashed, the other meeting's rows give their places back: the oldest row is found.
    db.prepare("UPDATE meetings SET deleted_at = 'x' WHERE id = ?").run(gone.id);
    expect(searchAll(db, 'co pheo').map((h) => `${h.entity}:${h.entityId}`)).toEqual(['recommendation:1']);
  });
});

// What the secretary sees of search after migration 011, through the app's own calls: the hits of a
// recommendation typed, edited, removed and brought back, of a meeting trashed, restored and
// purged, with migration 011's counts equal to FTS5's own after each step (a count left wrong
// would prove a word common that is not, and drop it from the ranking); and a query made only of
// common words, still found and ranked by them. Written against the mutants Stryker left alive in
// electron/core/search/search.ts and df.ts (docs/testing.md, "search.ts and df.ts after migration 011").
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { purgeTrash } from '../../../electron/core/repo/meetings';
import { broadWords } from '../../../electron/core/search/df';
import { indexItem, rankWindow, searchAll, toFtsQuery } from '../../../electron/core/search/search';
import { tempCore, type TestCore } from '../../helpers/core';

let core: TestCore | null = null;
afterEach(() => {
  core?.dispose();
  core = null;
});

const df = (db: Database, term: string): number => (db.prepare('SELECT n FROM search_df WHERE term = ?').pluck().get(term) as number | undefined) ?? 0;
const ftsCount = (db: Database, term: string): number => db.prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck().get(`"${term}"*`) as number;
const TERMS = ['c', 'co', 'con', 'cong', 'n', 'nao', 'nhue', 'p', 'pheo', 's', 'song', 'thoat', 'x', 'xuan'];
/** Every counted term against FTS5's own count, and '' against the rows. */
const agrees = (db: Database): void => {
  expect(TERMS.map((t) => [t, df(db, t)])).toEqual(TERMS.map((t) => [t, ftsCount(db, t)]));
  expect(df(db, '')).toBe(db.prepare('SELECT count(*) FROM search_index').pluck().get());
};
const hitsOf = async (query: string): Promise<string[]> => (await core!.call('search.query', { query })).map((h) => `${h.entity}:${h.entityId}`);
const itemOf = (db: Database, rowid: number): number => db.prepare('SELECT item_id FROM search_rows WHERE rowid = ?').pluck().get(rowid) as number;

describe('the counts and the hits through the app', () => {
  it('stay right after a recommendation is typed, edited, removed and restored, and a meeting trashed, restored and purged', async () => {
    core = tempCore();
    const db = core.db;
    const m = await core.call('meeting.create', { fields: { title: 'Đối thoại phường Cổ Nhuế' } });
    const other = await core.call('meeting.create', { fields: { title: 'Xã Xuân Phương' } });
    const rec = await core.call('rec.create', { meetingId: m.id, phase: 'during', unit: 'Tổ dân phố 5', content: 'Nạo vét sông Pheo' });
    const kept = await core.call('rec.create', { meetingId: other.id, phase: 'during', content: 'Cống thoát nước sông Pheo' });
    agrees(db);
    expect(df(db, 'pheo')).toBe(2);
    expect((await hitsOf('song pheo')).sort()).toEqual([`recommendation:${rec.id}`, `recommendation:${kept.id}`].sort());

    // An edit that drops "sông Pheo" and adds "cống": the hit goes, the counts follow.
    await core.call('rec.update', { id: rec.id, patch: { content: 'Sửa cống thoát nước' } });
    agrees(db);
    expect(df(db, 'pheo')).toBe(1);
    expect(await hitsOf('nao vet')).toEqual([]);
    expect(await hitsOf('sua cong')).toEqual([`recommendation:${rec.id}`]);

    // Removed (the undo bar still offers it), then brought back.
    await core.call('rec.remove', { id: rec.id });
    agrees(db);
    expect(df(db, 'thoat')).toBe(1);
    expect(await hitsOf('sua cong')).toEqual([]);
    await core.call('rec.restore', { id: rec.id });
    agrees(db);
    expect(df(db, 'thoat')).toBe(2);
    expect(await hitsOf('sua cong')).toEqual([`recommendation:${rec.id}`]);

    // The meeting to the trash: none of its rows is counted or found; restored, all are again.
    const rowsBefore = df(db, '');
    await core.call('meeting.remove', { id: m.id });
    agrees(db);
    expect(df(db, 'nhue')).toBe(0);
    expect(df(db, '')).toBeLessThan(rowsBefore);
    expect(await hitsOf('co nhue')).toEqual([]);
    expect(await hitsOf('thoat nuoc')).toEqual([`recommendation:${kept.id}`]);
    await core.call('meeting.restore', { id: m.id });
    agrees(db);
    expect(df(db, '')).toBe(rowsBefore);
    expect(df(db, 'nhue')).toBe(1);
    expect(await hitsOf('co nhue')).toEqual([`meeting:${m.id}`]);
    expect(await hitsOf('sua cong')).toEqual([`recommendation:${rec.id}`]);

    // Trashed again and purged for good: the counts hold only the other meeting.
    await core.call('meeting.remove', { id: m.id });
    expect(purgeTrash(db, '2999-01-01T00:00:00.000Z', 30)).toBe(1);
    agrees(db);
    expect(df(db, 'pheo')).toBe(1);
    expect(df(db, 'xuan')).toBe(1);
    expect(await hitsOf('thoat nuoc')).toEqual([`recommendation:${kept.id}`]);
  });
});

describe('a query of common words only', () => {
  it('is found and ranked by those words, as bm25 over every word ranks it', async () => {
    core = tempCore();
    const db = core.db;
    const m = await core.call('meeting.create', { fields: { title: 'Hội nghị' } });
    // "co" in every row but the meeting's own: proven common.
    for (let i = 0; i < 4; i++) indexItem(db, 'speech', 100 + i, m.id, [`co mot hai ba ${i}`]);
    indexItem(db, 'recommendation', 1, m.id, ['co co co co']);
    indexItem(db, 'recommendation', 2, m.id, ['co ab']);
    indexItem(db, 'recommendation', 3, m.id, ['co ab cd ef gh ij kl']);
    expect(broadWords(db, ['co'])).toEqual(new Set(['co']));
    const hits = searchAll(db, 'co');
    // Most "co" for its length first, the longest row last; the four equal rows newest first.
    expect(hits.map((h) => `${h.entity}:${h.entityId}`)).toEqual([
      'recommendation:1',
      'recommendation:2',
      'speech:103',
      'speech:102',
      'speech:101',
      'speech:100',
      'recommendation:3',
    ]);
    expect(hits.map((h) => h.entityId)).toEqual(rankWindow(db, toFtsQuery('co')!, 50).map((r) => itemOf(db, r.rowid)));
    expect(searchAll(db, 'co', 2).map((h) => h.entityId)).toEqual([1, 2]);
  });
});

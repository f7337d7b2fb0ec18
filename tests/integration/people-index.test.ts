// The directory's type-ahead index (migration 008, electron/core/search/people-index.ts) on real
// SQLite files: the same answer as the reference ranking (electron/shared/people-search.ts) for
// every kind of query, current after every write to `people` by any path, and filled for people
// who were in the file before the migration.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { allPeople, searchPeople } from '../../electron/core/repo/people';
import { CLASS_CAP, peopleIndexReady } from '../../electron/core/search/people-index';
import { prepareDirectory, searchPrepared } from '../../electron/shared/people-search';
import { person, personName, rng } from '../../bench/data';
import { tempCore, tempDir, type TestCore } from '../helpers/core';

const open: { close: () => void }[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

function freshDb(target?: number): Database.Database {
  const db = openDatabase(path.join(tempDir(), 'thuky.sqlite3'), target ? { targetVersion: target } : {});
  open.push(db);
  return db;
}

/** Straight into the table, as an import or the bench does: only the triggers see it. */
function insertPeople(db: Database.Database, people: { fullName: string; titles: string[]; organization: string; rank?: number }[]): void {
  const ins = db.prepare("INSERT INTO people (full_name, titles_json, organization, rank, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', 'x')");
  db.transaction(() => people.forEach((p, i) => ins.run(p.fullName, JSON.stringify(p.titles), p.organization, p.rank ?? [5, 40, 1000, 1000, 1000][i % 5]!)))();
}

const ids = (people: { id: number }[]): number[] => people.map((p) => p.id);

// People a generator would rarely produce: initials that are also a given name's prefix, đ,
// one-word names, digits, a unit that contains a name.
const EDGE = [
  { fullName: 'Nguyễn An', titles: ['Hội viên'], organization: 'Chi hội 2' },
  { fullName: 'An Nguyên', titles: [], organization: 'Tổ dân phố 7' },
  { fullName: 'Đặng Văn Dũng', titles: ['Chủ tịch UBND phường'], organization: 'Phường Đông Ngạc' },
  { fullName: 'Trương Quang Thiều', titles: ['Bí thư Đảng ủy'], organization: 'Phường Tây Tựu' },
  { fullName: 'Thiều Trương Quang', titles: [], organization: '' },
  { fullName: 'Mai', titles: [], organization: 'Tổ 12' },
  { fullName: 'Lê Thị Nguyệt Ánh', titles: ['Trưởng ban Dân vận'], organization: 'Quận ủy Bắc Từ Liêm' },
  { fullName: 'Phạm Nguyễn Minh', titles: [], organization: 'Nguyễn Văn Cừ 2' },
];

function queries(): string[] {
  const r = rng(41);
  const qs = ['', ' ', 'n', 'ng', 'nguyen', 'Nguyễn', 'nguyen van', 'nguyen van n', 'nguyen thi minh anh', 'nguyen n', 'an', 'na', 'tqt', 'ttq', 'qtt', 'dung', 'dang dung', 'đặng', 'mai', 'tổ 12', 'chu tich', 'phuong', 'bi thu dang uy', 'ha noi', 'xyz', 'q', 'zz', 'to', 'a b c d e', 'le thi nguyet anh x', '12', 'nguyen van cu'];
  for (let i = 0; i < 80; i++) {
    const name = personName(r);
    const words = name.split(' ');
    qs.push(name.slice(0, 1 + Math.floor(r.next() * name.length)));
    qs.push(words.at(-1)!.slice(0, 1 + Math.floor(r.next() * 3)));
    qs.push(words.map((w) => w[0]).join('').toLowerCase());
  }
  return qs;
}

describe('people type-ahead index', () => {
  it('gives the reference answer, best first, for names, initials, titles and units', () => {
    const db = freshDb();
    const r = rng(17);
    insertPeople(db, [...EDGE, ...Array.from({ length: 3000 }, () => person(r))]);
    expect(peopleIndexReady(db)).toBe(true);
    // Both ways of reading a class are exercised: some classes are larger than the cap.
    expect(searchPeople(db, '', 1)).toHaveLength(1);
    const nguyen = db.prepare("SELECT count(*) FROM people_index WHERE lead LIKE ' nguyen%'").pluck().get() as number;
    expect(nguyen).toBeGreaterThan(CLASS_CAP);
    const reference = prepareDirectory(allPeople(db));
    for (const q of queries()) {
      for (const limit of [12, 60]) expect(ids(searchPeople(db, q, limit)), `${JSON.stringify(q)} limit ${limit}`).toEqual(ids(searchPrepared(reference, q, limit)));
    }
  });

  it('keeps the ranking promises: given name first, initials, đ folded, titles after names', () => {
    const db = freshDb();
    insertPeople(db, [
      { fullName: 'Lê Hùng Cường', titles: ['Chủ tịch UBND phường'], organization: 'Phường Cổ Nhuế 1', rank: 1 },
      { fullName: 'Trần Văn Hùng', titles: ['Tổ trưởng dân phố'], organization: 'Tổ dân phố 5', rank: 9 },
      { fullName: 'Hùng Thị Mai', titles: ['Hội viên'], organization: 'Chi hội 3', rank: 0 },
      ...EDGE.map((p) => ({ ...p, rank: 1000 })),
    ]);
    const names = (q: string): string[] => searchPeople(db, q, 10).map((p) => p.fullName);
    expect(names('hung')).toEqual(['Trần Văn Hùng', 'Hùng Thị Mai', 'Lê Hùng Cường']);
    expect(names('tqt')[0]).toBe('Trương Quang Thiều');
    expect(names('ttq')).toEqual(['Thiều Trương Quang', 'Trương Quang Thiều']);
    expect(names('dang dung')).toEqual(['Đặng Văn Dũng']);
    // "an": An Nguyên's initials in order (1), a given name Ánh (2), Nguyễn An's initials in
    // another order (3, before its given name would score 2), then titles and units containing
    // "an" (dân phố, đảng ủy, Văn Cừ), by rank.
    expect(names('an')).toEqual(['An Nguyên', 'Lê Thị Nguyệt Ánh', 'Nguyễn An', 'Trần Văn Hùng', 'Phạm Nguyễn Minh', 'Trương Quang Thiều']);
    // A unit that contains the typed words comes after every name match.
    expect(names('nguyen')).toEqual(['An Nguyên', 'Nguyễn An', 'Phạm Nguyễn Minh']);
    expect(names('nguyen van cu')).toEqual(['Phạm Nguyễn Minh']);
    expect(names('xyz')).toEqual([]);
  });

  it('is current after every write to people, through the core or straight into the table', async () => {
    const core: TestCore = tempCore();
    open.push({ close: () => core.dispose() });
    const made = await core.call('people.create', { fullName: 'Vũ Minh Thành', titles: ['Chánh Văn phòng'], organization: 'UBND quận' });
    expect(ids(await core.call('people.search', { query: 'thanh', limit: 5 }))).toEqual([made.id]);
    await core.call('people.update', { id: made.id, patch: { fullName: 'Vũ Minh Tuấn' } });
    expect(await core.call('people.search', { query: 'thanh', limit: 5 })).toEqual([]);
    expect((await core.call('people.search', { query: 'tuan', limit: 5 })).map((p) => p.fullName)).toEqual(['Vũ Minh Tuấn']);
    // Titles and unit are indexed too.
    await core.call('people.update', { id: made.id, patch: { organization: 'Phường Xuân Đỉnh' } });
    expect(ids(await core.call('people.search', { query: 'xuan dinh', limit: 5 }))).toEqual([made.id]);
    // Rank changes the order.
    const other = await core.call('people.create', { fullName: 'Đỗ Văn Tuấn', titles: [], organization: '' });
    await core.call('people.update', { id: other.id, patch: { rank: 1 } });
    expect(ids(await core.call('people.search', { query: 'tuan', limit: 5 }))).toEqual([other.id, made.id]);
    // Another code path, straight SQL: insert, rename, delete.
    core.db.prepare("INSERT INTO people (id, full_name, created_at, updated_at) VALUES (900, 'Ngô Thị Tuyết', 'x', 'x')").run();
    expect(ids(await core.call('people.search', { query: 'tuyet', limit: 5 }))).toEqual([900]);
    core.db.prepare("UPDATE people SET full_name = 'Ngô Thị Hằng' WHERE id = 900").run();
    expect(await core.call('people.search', { query: 'tuyet', limit: 5 })).toEqual([]);
    expect(ids(await core.call('people.search', { query: 'hang', limit: 5 }))).toEqual([900]);
    core.db.prepare('DELETE FROM people WHERE id = 900').run();
    expect(await core.call('people.search', { query: 'hang', limit: 5 })).toEqual([]);
    expect(core.db.prepare('SELECT count(*) FROM people_index_dirty').pluck().get()).toBe(0);
  });

  it('is filled by migration 008 for the people already in the file', () => {
    const file = path.join(tempDir(), 'thuky.sqlite3');
    const before = openDatabase(file, { targetVersion: 7 });
    const r = rng(5);
    insertPeople(before, [...EDGE, ...Array.from({ length: 300 }, () => person(r))]);
    expect(peopleIndexReady(before)).toBe(false);
    // Before the migration the folded copy in memory answers.
    const answerBefore = ids(searchPeople(before, 'nguyen', 20));
    before.close();
    const db = openDatabase(file);
    open.push(db);
    migrate(db, MIGRATIONS);
    expect(peopleIndexReady(db)).toBe(true);
    expect(db.prepare('SELECT count(*) FROM people_index').pluck().get()).toBe(308);
    expect(db.prepare('SELECT count(*) FROM people_index_dirty').pluck().get()).toBe(0);
    expect(ids(searchPeople(db, 'nguyen', 20))).toEqual(answerBefore);
    const reference = prepareDirectory(allPeople(db));
    for (const q of ['tqt', 'an', 'dung', 'le thi', 'to dan pho']) expect(ids(searchPeople(db, q, 12)), q).toEqual(ids(searchPrepared(reference, q, 12)));
  });
});

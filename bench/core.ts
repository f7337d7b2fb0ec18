// Core figures measured in this process: search (FTS5 vs a naive LIKE scan), opening and
// migrating the database, and write throughput with synchronous=FULL vs NORMAL.
import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../electron/core/db/open';
import { openWithHealth, quickCheckInBackground } from '../electron/core/health';
import { createCore } from '../electron/core/app';
import { RANK_WINDOW, rankQuery, searchAll, snippetOf, toFtsQuery } from '../electron/core/search/search';
import { broadWords } from '../electron/core/search/df';
import { foldedWords } from '../electron/shared/vi/fold';
import { allPeople, searchPeople } from '../electron/core/repo/people';
import { prepareDirectory, searchPrepared } from '../electron/shared/people-search';
import { personName, rng } from './data';
import type { SearchHit } from '../electron/shared/domain';
import type { Figure } from './report';
import { median, percentile, round, timed } from './stats';

export type Corpus = { file: string; recs: number; size: string };

const likePattern = (w: string): string => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
type LikeRow = { rowid: number; meeting_id: number; title: string; date: string | null; body: string; original: string };
const likeHit = (r: LikeRow, words: string[]): SearchHit => ({ meetingId: r.meeting_id, meetingTitle: r.title, meetingDate: r.date, entity: 'recommendation', entityId: r.rowid, snippet: snippetOf(r.original, r.body, words) });

/**
 * The naive alternative: the same folded text in an ordinary (temporary) table, every query word a
 * `LIKE '%word%'`, no index can help. It builds the same hits with the same snippets, so the
 * comparison is of the search, not of what is done with its rows; but it returns the first 50
 * rows that match, unranked, so on a common word it stops early (its median is fast), and on a
 * rare one it reads the whole archive (its tail). It does less than the app's search.
 */
function likeSearch(db: Database, query: string, limit = 50): SearchHit[] {
  const words = foldedWords(query).slice(0, 12);
  if (!words.length) return [];
  const rows = db
    .prepare(
      `SELECT l.rid AS rowid, l.meeting_id AS meeting_id, m.title AS title, m.date AS date, l.body AS body, l.original AS original
         FROM bench_like l JOIN meetings m ON m.id = l.meeting_id AND m.deleted_at IS NULL
        WHERE ${words.map(() => "l.body LIKE ? ESCAPE '\\'").join(' AND ')} LIMIT ?`,
    )
    .all(...words.map(likePattern), limit) as LikeRow[];
  return rows.map((r) => likeHit(r, words));
}

// FTS5's bm25 constants and token characters (unicode61: letters, digits, private use).
const K1 = 1.2;
const B = 0.75;
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;

/**
 * `LIKE` doing the app's job: the same folded text, filters and limit, and the same answer shape —
 * the newest RANK_WINDOW matches ranked by bm25 with FTS5's formula and constants, best first. Its
 * IDF needs how many rows hold each word, which without an index is a pass over every row (FTS5
 * counts the same from its doclists). `avgdl`, the mean tokens per row, FTS5 keeps up to date at
 * each write; the peer is given it once. A word matches inside words here (`%word%`), so the hits
 * are a superset of FTS5's prefix matches.
 */
function likeRankedSearch(db: Database, query: string, avgdl: number, limit = 50): SearchHit[] {
  const words = foldedWords(query).slice(0, 12);
  if (!words.length) return [];
  const pats = words.map(likePattern);
  const counts = db
    .prepare(`SELECT count(*), ${pats.map(() => "sum(body LIKE ? ESCAPE '\\')").join(', ')} FROM bench_like`)
    .raw()
    .get(...pats) as number[];
  const n = counts[0] ?? 0;
  const idf = words.map((_, i) => {
    const hits = counts[i + 1] ?? 0;
    const v = Math.log((n - hits + 0.5) / (hits + 0.5));
    return v > 0 ? v : 1e-6;
  });
  const rows = db
    .prepare(
      `SELECT l.rid AS rowid, l.meeting_id AS meeting_id, m.title AS title, m.date AS date, l.body AS body, l.original AS original
         FROM bench_like l JOIN meetings m ON m.id = l.meeting_id AND m.deleted_at IS NULL
        WHERE ${words.map(() => "l.body LIKE ? ESCAPE '\\'").join(' AND ')} ORDER BY l.rid LIMIT ?`,
    )
    .all(...pats, RANK_WINDOW) as LikeRow[];
  const scored = rows.map((r) => {
    const tokens = r.body.match(TOKEN) ?? [];
    let score = 0;
    words.forEach((w, i) => {
      const tf = tokens.reduce((k, t) => (t.includes(w) ? k + 1 : k), 0);
      score += (idf[i] ?? 0) * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * tokens.length) / avgdl)));
    });
    return { r, score };
  });
  scored.sort((x, y) => y.score - x.score || x.r.rowid - y.r.rowid);
  return scored.slice(0, limit).map(({ r }) => likeHit(r, words));
}

/** The app's search before migration 008's window: bm25 over every match, `ORDER BY rank`. */
function rankAllSearch(db: Database, query: string, limit = 50): number {
  const words = foldedWords(query).slice(0, 12);
  if (!words.length) return 0;
  const fts = words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' ');
  return db.prepare('SELECT s.rowid FROM search_index s WHERE search_index MATCH ? ORDER BY rank LIMIT ?').all(fts, limit).length;
}

const cpuMs = (fn: () => unknown): number => {
  const c = process.cpuUsage();
  fn();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
};

/**
 * Where a query's time goes, for the log: finding one match (MATCH alone), reading the newest
 * RANK_WINDOW matches, ranking them (bm25, whose IDF counts every match of each word ranked; the
 * words migration 011's counts prove common, marked "common", are left out of the ranking), and
 * the whole search (the rows shown read and given snippets). CPU milliseconds, best of three.
 */
function split(db: Database, query: string): string {
  const fts = toFtsQuery(query);
  if (!fts) return '';
  const best = (fn: () => unknown): string => Math.min(cpuMs(fn), cpuMs(fn), cpuMs(fn)).toFixed(1);
  const one = db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT 1');
  const win = db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid LIMIT ?');
  const count = db.prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck();
  const common = broadWords(db, foldedWords(query).slice(0, 12));
  const perWord = fts.split(' ').map((t) => `${t}:${(count.get(t) as number).toLocaleString('en-US')}${common.has(t.slice(1, -2)) ? ' (common)' : ''}`);
  return `"${query}": match ${best(() => one.all(fts))}, window ${best(() => win.all(fts, RANK_WINDOW))}, ranked ${best(() => rankQuery(db, query, 50))}, whole ${best(() => searchAll(db, query))} ms CPU; ${(count.get(fts) as number).toLocaleString('en-US')} matches; rows per word ${perWord.join(' ')}`;
}

/**
 * The size the ≥ 50× target is set at. Issue 15 states it at 100,000 recommendations ("FTS search
 * p99, 100,000 recs … ≥ 50× faster than LIKE in the same run"), and it can only hold where the
 * archive is big: LIKE's cost grows with the archive (it reads every row), FTS's with the matches
 * ranked (at most RANK_WINDOW), so on 1,000 or 10,000 recommendations both are a few milliseconds
 * and the ratio is small by nature, not by a fault of the search. The smaller sizes keep their
 * ratios as figures.
 */
const RATIO_TARGET_RECS = 100_000;

export function benchSearch(corpora: Corpus[], queries: string[], log: (s: string) => void): Figure[] {
  const figs: Figure[] = [];
  for (const c of corpora) {
    const db = openDatabase(c.file);
    // A TEMP table: the archive file itself stays as the app wrote it (its size is measured at open).
    // `rid` is its rowid, so "newest first" (ascending, as in search_rows) is its natural order.
    db.exec(`DROP TABLE IF EXISTS temp.bench_like;
             CREATE TEMP TABLE bench_like (rid INTEGER PRIMARY KEY, meeting_id INTEGER, body TEXT, original TEXT);
             INSERT INTO temp.bench_like SELECT rowid, meeting_id, body, original FROM search_index;`);
    let tokens = 0;
    for (const body of db.prepare('SELECT body FROM temp.bench_like').pluck().iterate() as IterableIterator<string>) tokens += body.match(TOKEN)?.length ?? 0;
    const rows = (db.prepare('SELECT count(*) AS n FROM search_index').get() as { n: number }).n;
    const avgdl = tokens / Math.max(1, rows);
    // Warm every path the same way: the page cache and the statement cache.
    for (const q of queries.slice(0, 20)) {
      searchAll(db, q);
      likeSearch(db, q);
      likeRankedSearch(db, q, avgdl);
      rankAllSearch(db, q);
    }
    const fts: number[] = [];
    const ftsCpu: number[] = [];
    const like: number[] = [];
    const ranked: number[] = [];
    const all: number[] = [];
    // Rare queries: every match fits on the page (fewer than 50), where an index matters most.
    const rareFts: number[] = [];
    const rareLike: number[] = [];
    let ftsHits = 0;
    let likeHits = 0;
    const slow: { q: string; ms: number }[] = [];
    queries.forEach((q, i) => {
      const cpu0 = process.cpuUsage();
      const a = timed(() => searchAll(db, q));
      const u = process.cpuUsage(cpu0);
      fts.push(a.ms);
      ftsCpu.push((u.user + u.system) / 1000);
      ftsHits += a.value.length;
      slow.push({ q, ms: a.ms });
      const b = timed(() => likeSearch(db, q));
      like.push(b.ms);
      likeHits += b.value.length;
      if (a.value.length < 50) {
        rareFts.push(a.ms);
        rareLike.push(b.ms);
      }
      // The same-job peer reads every row on every query (≈ constant time): every other query
      // is enough for its percentiles and keeps the run short.
      if (i % 2 === 0) ranked.push(timed(() => likeRankedSearch(db, q, avgdl)).ms);
      all.push(timed(() => rankAllSearch(db, q)).ms);
    });
    // The slowest queries on the clock, and where their work goes (measured again, CPU only).
    slow.sort((x, y) => y.ms - x.ms);
    for (const s of slow.slice(0, 4)) log(`    slow ${s.ms.toFixed(1)} ms on the clock: ${split(db, s.q)}`);
    db.exec('DROP TABLE temp.bench_like');
    db.close();
    const f50 = percentile(fts, 50)!;
    const f99 = percentile(fts, 99)!;
    const l50 = percentile(like, 50)!;
    const l99 = percentile(like, 99)!;
    const r50 = percentile(ranked, 50)!;
    const r99 = percentile(ranked, 99)!;
    const note = `${queries.length} queries, ${rows.toLocaleString('en-US')} index rows; avg hits FTS ${(ftsHits / queries.length).toFixed(0)}, naive LIKE ${(likeHits / queries.length).toFixed(0)} (limit 50); the newest ${RANK_WINDOW.toLocaleString('en-US')} matches ranked, prefix indexes 1–6`;
    const rareNote = `${rareFts.length} of ${queries.length} queries have fewer than 50 matches`;
    figs.push(
      { section: 'search', name: 'FTS search p50', value: round(f50, 2), unit: 'ms', size: c.size, note },
      { section: 'search', name: 'FTS search p99', value: round(f99, 2), unit: 'ms', target: { op: '<=', value: 20 }, size: c.size, note: 'on the clock, with the machine’s load (see the machine table)' },
      { section: 'search', name: 'FTS search, CPU time of the process p50', value: round(percentile(ftsCpu, 50), 2), unit: 'ms', size: c.size, note: 'the work each search does, which the load inflates far less' },
      { section: 'search', name: 'FTS search, CPU time of the process p99', value: round(percentile(ftsCpu, 99), 2), unit: 'ms', size: c.size },
      { section: 'search', name: 'LIKE doing the same job (ranked the same way) p50', value: round(r50, 2), unit: 'ms', size: c.size, note: `same folded text, filters, limit and ranking (bm25 over the newest ${RANK_WINDOW.toLocaleString('en-US')} matches); every other query` },
      { section: 'search', name: 'LIKE doing the same job p99', value: round(r99, 2), unit: 'ms', size: c.size },
      { section: 'search', name: 'LIKE ÷ FTS at p50', value: round(r50 / f50, 1), unit: '×', size: c.size, note: 'LIKE doing the same job' },
      { section: 'search', name: 'LIKE ÷ FTS at p99', value: round(r99 / f99, 1), unit: '×', ...(c.recs >= RATIO_TARGET_RECS ? { target: { op: '>=' as const, value: 50 } } : {}), size: c.size, note: 'LIKE doing the same job: without an index, ranking reads every row' },
      { section: 'search', name: 'naive LIKE (first 50, unranked) p50', value: round(l50, 2), unit: 'ms', size: c.size, note: 'does less than the search: stops at the first 50 rows holding the words' },
      { section: 'search', name: 'naive LIKE p99', value: round(l99, 2), unit: 'ms', size: c.size },
      { section: 'search', name: 'naive LIKE ÷ FTS at p99', value: round(l99 / f99, 1), unit: '×', size: c.size },
      { section: 'search', name: 'naive LIKE ÷ FTS on rare queries p50', value: round((percentile(rareLike, 50) ?? NaN) / (percentile(rareFts, 50) ?? NaN), 1), unit: '×', size: c.size, note: rareNote },
      { section: 'search', name: 'naive LIKE ÷ FTS on rare queries p99', value: round((percentile(rareLike, 99) ?? NaN) / (percentile(rareFts, 99) ?? NaN), 1), unit: '×', size: c.size },
      { section: 'search', name: 'peer: FTS ranking every match (bm25, ORDER BY rank) p50', value: round(percentile(all, 50)!, 2), unit: 'ms', size: c.size, note: 'the search before issue 15, without snippets, on the same index' },
      { section: 'search', name: 'peer: FTS ranking every match p99', value: round(percentile(all, 99)!, 2), unit: 'ms', size: c.size },
    );
    log(`  search ${c.size}: FTS p50 ${f50.toFixed(2)} p99 ${f99.toFixed(2)} ms (CPU p99 ${percentile(ftsCpu, 99)!.toFixed(2)}); LIKE same job p50 ${r50.toFixed(2)} p99 ${r99.toFixed(2)} ms; naive LIKE p50 ${l50.toFixed(2)} p99 ${l99.toFixed(2)} ms`);
  }
  return figs;
}

/** Opening a fresh file (schema + every migration) and an existing big one (quick_check included, as at start-up). */
export async function benchOpen(tmp: string, corpora: Corpus[], reps: number, log: (s: string) => void): Promise<Figure[]> {
  const fresh: number[] = [];
  for (let i = 0; i < reps; i++) {
    const dir = mkdtempSync(path.join(tmp, 'open-'));
    const t = timed(() => openDatabase(path.join(dir, 'thuky.sqlite3')));
    t.value.close();
    fresh.push(t.ms);
    rmSync(dir, { recursive: true, force: true });
  }
  const figs: Figure[] = [{ section: 'start', name: 'core: create + migrate a fresh database', value: round(median(fresh), 1), unit: 'ms', size: 'empty', note: `median of ${reps}` }];
  for (const c of corpora) {
    const mb = (statSync(c.file).size / 1024 / 1024).toFixed(0);
    // As the app's windows open it: no migration pending, quick_check deferred to its thread.
    const deferred: number[] = [];
    const checked: number[] = [];
    const thread: number[] = [];
    for (let i = 0; i < Math.max(1, Math.floor(reps / 2)); i++) {
      const a = timed(() => openWithHealth(c.file, {}, { deferCheck: true }));
      if (!a.value.deferred) throw new Error('the archive was not opened with the check deferred');
      a.value.db.close();
      deferred.push(a.ms);
      const b = timed(() => openWithHealth(c.file));
      b.value.db.close();
      checked.push(b.ms);
      thread.push(await timedAsync(() => quickCheckInBackground(c.file)));
    }
    figs.push(
      { section: 'start', name: 'core: open an archive as the app does (quick_check after, on its thread)', value: round(median(deferred), 1), unit: 'ms', target: { op: '<=', value: 500 }, size: c.size, note: `median of ${deferred.length}; ${mb} MB file; page cache warm` },
      { section: 'start', name: 'peer: open with quick_check first (the CLI; the app before issue 15)', value: round(median(checked), 1), unit: 'ms', size: c.size },
      { section: 'start', name: 'quick_check on its own thread, after the first screen', value: round(median(thread), 1), unit: 'ms', size: c.size, note: 'the core answers meanwhile; a failure turns the app to the recovery screen' },
    );
    log(`  open ${c.size}: ${median(deferred)?.toFixed(1)} ms deferred, ${median(checked)?.toFixed(1)} ms with quick_check, check thread ${median(thread)?.toFixed(0)} ms`);
  }
  log(`  open fresh: ${median(fresh)?.toFixed(1)} ms`);
  return figs;
}

/**
 * Write throughput as the secretary produces it: one autosave = one rec.update through the
 * registry = one transaction. And the guide's raw figure: single-row INSERT transactions.
 */
export async function benchWrites(tmp: string, n: number, log: (s: string) => void): Promise<Figure[]> {
  const figs: Figure[] = [];
  const perSecond: Record<string, { real: number; raw: number }> = {};
  for (const mode of ['FULL', 'NORMAL'] as const) {
    const dir = mkdtempSync(path.join(tmp, `writes-${mode}-`));
    const core = createCore({ dataDir: dir, mode: 'cli', log: () => {} });
    core.db.pragma(`synchronous = ${mode}`);
    const m = await core.registry.dispatch('meeting.create', { fields: { title: 'Đo tốc độ ghi' } });
    if (!m.ok) throw new Error('meeting.create failed');
    const meetingId = (m.value as { id: number }).id;
    const r = await core.registry.dispatch('rec.create', { meetingId, phase: 'during' });
    if (!r.ok) throw new Error('rec.create failed');
    const recId = (r.value as { id: number }).id;
    let text = 'Đề nghị';
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      text += i % 7 === 6 ? ' ' : 'ô';
      const u = await core.registry.dispatch('rec.update', { id: recId, patch: { content: text } });
      if (!u.ok) throw new Error(`rec.update failed: ${JSON.stringify(u.error)}`);
    }
    const realMs = performance.now() - t0;
    core.db.exec('CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const ins = core.db.prepare('INSERT INTO bench_raw (v) VALUES (?)');
    const one = core.db.transaction((v: string) => ins.run(v));
    const t1 = performance.now();
    for (let i = 0; i < n * 2; i++) one(`dòng ${i}`);
    const rawMs = performance.now() - t1;
    core.close();
    rmSync(dir, { recursive: true, force: true });
    perSecond[mode] = { real: (n / realMs) * 1000, raw: ((n * 2) / rawMs) * 1000 };
    figs.push(
      { section: 'writes', name: `autosave (rec.update via registry), synchronous=${mode}`, value: Math.round(perSecond[mode].real), unit: 'commits/s', size: `${n} commits`, note: `${(realMs / n).toFixed(2)} ms per commit` },
      { section: 'writes', name: `single-row INSERT transactions, synchronous=${mode}`, value: Math.round(perSecond[mode].raw), unit: 'commits/s', size: `${n * 2} commits`, note: `${(rawMs / (n * 2)).toFixed(3)} ms per commit` },
    );
    log(`  writes ${mode}: autosave ${Math.round(perSecond[mode].real)}/s, raw insert ${Math.round(perSecond[mode].raw)}/s`);
  }
  figs.push(
    { section: 'writes', name: 'autosave: NORMAL ÷ FULL', value: round(perSecond.NORMAL.real / perSecond.FULL.real, 2), unit: '×', size: `${n} commits`, note: 'what durability against power loss costs per save' },
    { section: 'writes', name: 'raw INSERT: NORMAL ÷ FULL', value: round(perSecond.NORMAL.raw / perSecond.FULL.raw, 2), unit: '×', size: `${n * 2} commits` },
  );
  return figs;
}

async function timedAsync(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

/**
 * The directory type-ahead in the core, keystroke by keystroke, on the browser sizes' data
 * folders: the index of migration 008 (`people.search`) against its peer, the folded directory
 * scanned in memory (what `people.search` did before, and what the page did with
 * `people.directory`), whose one-off folding is reported too.
 */
export function benchTypeaheadCore(sizes: { label: string; file: string }[], log: (s: string) => void): Figure[] {
  const figs: Figure[] = [];
  const r = rng(31);
  const typed: string[] = [];
  for (let i = 0; i < 12; i++) {
    const name = personName(r);
    for (let k = 1; k <= name.length; k++) typed.push(name.slice(0, k));
  }
  typed.push('ttq', 'nvh', 'chu tich', 'phuong co nhue', 'xyz');
  for (const s of sizes) {
    const db = openDatabase(s.file);
    for (const q of typed.slice(0, 20)) searchPeople(db, q, 12);
    const idx = typed.map((q) => timed(() => searchPeople(db, q, 12)).ms);
    const prep = timed(() => prepareDirectory(allPeople(db)));
    // The peer costs up to seconds a keystroke at 200,000 people: every fifth keystroke is enough.
    const scan = typed.filter((_, i) => i % 5 === 0).map((q) => timed(() => searchPrepared(prep.value, q, 12)).ms);
    const people = (db.prepare('SELECT count(*) FROM people').pluck().get() as number).toLocaleString('en-US');
    db.close();
    figs.push(
      { section: 'typeahead', name: 'core: people.search (index) per keystroke p50', value: round(percentile(idx, 50)!, 2), unit: 'ms', size: s.label, note: `${typed.length} keystrokes (12 names typed letter by letter, initials, titles, units) over ${people} people` },
      { section: 'typeahead', name: 'core: people.search (index) per keystroke p95', value: round(percentile(idx, 95)!, 2), unit: 'ms', size: s.label, note: `max ${round(Math.max(...idx), 2)} ms` },
      { section: 'typeahead', name: 'peer: folded directory scanned in memory, per keystroke p95', value: round(percentile(scan, 95)!, 2), unit: 'ms', size: s.label, note: `p50 ${round(percentile(scan, 50)!, 2)} ms over every fifth keystroke (${scan.length}); after folding the directory once: ${round(prep.ms, 0)} ms` },
    );
    log(`  type-ahead core ${s.label}: index p50/p95 ${percentile(idx, 50)?.toFixed(2)}/${percentile(idx, 95)?.toFixed(2)} ms; scan p95 ${percentile(scan, 95)?.toFixed(2)} ms (+${prep.ms.toFixed(0)} ms to fold)`);
  }
  return figs;
}

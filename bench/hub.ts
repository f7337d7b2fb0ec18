// thuky-hub at a province's size: 500 units × 40 meetings × 30 kiến nghị (600,000 items), a third
// with a history, loaded straight in SQL (generate_series) into the engine under test. Measures
// the register's filters and search (p50/p99 over a fixed list of queries, through the same
// queryRegister the HTTP API calls) and the period report (hubReport: load + the app's fold).
// Budgets from the issue: search p99 ≤ 50 ms, report ≤ 2 s.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openHub } from '../hub/src/hub';
import type { HubDb } from '../hub/src/db';
import { queryRegister, HubRegisterFilter } from '../hub/src/register';
import { hubReport } from '../hub/src/report';
import type { Figure } from './report';
import { percentile, round } from './stats';

export type HubBenchSize = { units: number; meetings: number; items: number };
export const HUB_FULL: HubBenchSize = { units: 500, meetings: 40, items: 30 };
export const HUB_QUICK: HubBenchSize = { units: 20, meetings: 10, items: 30 };

const WORDS = ['đường', 'giao thông', 'nước sạch', 'đất đai', 'giấy chứng nhận', 'bồi thường', 'giải phóng mặt bằng', 'trường học', 'y tế', 'chợ', 'môi trường', 'rác thải', 'điện', 'chiếu sáng', 'hộ nghèo', 'bảo hiểm'];

const TOPICS = ['Đất đai', 'Giao thông', 'Môi trường', 'Văn hóa - Xã hội', 'Y tế'];

const VI_FROM = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
const VI_TO = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';

/** The fold the seed applies, as SQL on a constant (evaluated once, when the statement is planned). */
const fold = (literal: string): string => `translate(lower(${literal}), '${VI_FROM}', '${VI_TO}')`;

export async function seedHub(db: HubDb, s: HubBenchSize, log?: (s: string) => void): Promise<void> {
  const now = new Date().toISOString();
  // A bulk load, as pg_restore does one: the rows first, with the triggers off (the foreign keys'
  // checks: 1.4 million lookups one row at a time, and the data is made consistent here), then
  // every secondary index of items and events built once over the whole table instead of being
  // updated row by row. The same rows as loading them with the indexes on (every column's md5
  // compared, bench/findings.md). The definitions are read back from the catalogue, so the
  // indexes rebuilt are exactly the migrations' ones.
  const indexes = await db.query<{ name: string; sql: string }>(
    `SELECT indexname AS name, indexdef AS sql FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename IN ('items', 'events')
        AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))
      ORDER BY tablename, indexname`,
  );
  const steps: [string, string][] = [
    ['units and meetings', `
    INSERT INTO units (code, name, created_at) SELECT 'don-vi-' || g, 'Phường ' || g, '${now}' FROM generate_series(1, ${s.units}) g;
    INSERT INTO meetings (uid, unit_id, title, kind, date, locality, status, content_hash, data, received_at, updated_at)
      SELECT 'm-' || u || '-' || k, u, 'Hội nghị đối thoại số ' || k, 'đối thoại', DATE '2025-07-01' + ((u * 7 + k * 11) % 500), '', 'closed', md5(u || '-' || k), '{}'::jsonb, '${now}', '${now}'
      FROM generate_series(1, ${s.units}) u, generate_series(1, ${s.meetings}) k`],
    ['items', `
    INSERT INTO items (uid, meeting_uid, unit_id, kind, content, short_phrase, topic, raised_by, raised_unit, received_on, folded,
                       base_status, base_agency, base_deadline, status, agency, deadline, updated_at)
      SELECT x.uid, x.meeting_uid, x.unit_id, 'recommendation', x.content, '', x.topic, x.raised_by, '', x.date,
             -- the app's fold on this vocabulary: lower case, the Vietnamese letters' marks stripped, đ → d.
             -- Folded piece by piece (lower and translate go letter by letter, so the result is the
             -- same as folding the whole text): the pieces are constants PostgreSQL folds once, where
             -- translate() over the whole text, with its 67 multibyte letters, cost 70 µs a row.
             ${fold("' '")} || ${fold("'Kiến nghị về '")} || (ARRAY[${WORDS.map((w) => fold(`'${w}'`)).join(',')}])[x.w] || ${fold("' tại tổ dân phố '")} || x.j || ' '
               || (ARRAY[${TOPICS.map((w) => fold(`'${w}'`)).join(',')}])[x.t] || ' ' || ${fold("'Ông Nguyễn Văn '")} || x.j,
             'awaiting_written', 'UBND phường', x.date + 30, 'awaiting_written', 'UBND phường', x.date + 30, '${now}'
      FROM (SELECT y.*, 'Kiến nghị về ' || (ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}])[y.w] || ' tại tổ dân phố ' || y.j AS content,
                   (ARRAY[${TOPICS.map((w) => `'${w}'`).join(',')}])[y.t] AS topic, 'Ông Nguyễn Văn ' || y.j AS raised_by
              FROM (SELECT 'i-' || m.uid || '-' || j AS uid, m.uid AS meeting_uid, m.unit_id, m.date, j, 1 + (j * 7 + m.unit_id) % ${WORDS.length} AS w, 1 + j % ${TOPICS.length} AS t
                      FROM meetings m, generate_series(1, ${s.items}) j) y) x`],
    ['events and the state they give', `
    INSERT INTO events (uid, item_uid, field, value, parent_uid, at, actor, note, unit_id)
      SELECT 'e-' || i.uid, i.uid, 'status', (ARRAY['in_progress','resolved','explained','unresolvable'])[1 + abs(hashtext(i.uid)) % 4], NULL,
             to_char(i.received_on + 10, 'YYYY-MM-DD') || 'T08:00:00.000Z', 'Văn thư', '', i.unit_id
      FROM items i WHERE abs(hashtext(i.uid)) % 3 = 0;
    UPDATE items i SET status = e.value FROM events e WHERE e.item_uid = i.uid`],
    ['indexes', indexes.map((i) => i.sql).join(';\n')],
  ];
  await db.transaction(async (tx) => {
    // Superuser only (PGlite's user, and the bench's server user): what pg_restore --disable-triggers does.
    await tx.exec(`SET LOCAL session_replication_role = replica; ${indexes.map((i) => `DROP INDEX ${i.name}`).join('; ')}`);
    for (const [name, sql] of steps) {
      const t = performance.now();
      await tx.exec(sql);
      log?.(`hub: seed ${name} ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  });
  // Alone: VACUUM cannot run inside a transaction.
  const t = performance.now();
  await db.exec('VACUUM ANALYZE');
  log?.(`hub: seed VACUUM ANALYZE ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

export const HUB_QUERIES: { name: string; f: Partial<HubRegisterFilter> }[] = [
  { name: 'search "duong"', f: { query: 'duong' } },
  { name: 'search "giai phong mat bang"', f: { query: 'giai phong mat bang' } },
  { name: 'search "đất đai" + unit', f: { query: 'đất đai', unitId: 17 } },
  { name: 'overdue', f: { overdue: true, today: '2026-06-30' } },
  { name: 'status resolved + topic', f: { status: ['resolved'], topic: 'Giao thông' } },
  { name: 'due within 7 days', f: { dueWithinDays: 7, today: '2026-03-01' } },
  { name: 'period + agency', f: { from: '2026-01-01', to: '2026-03-31', agency: 'UBND phường' } },
];

async function openEngine(url: string | undefined): Promise<{ db: HubDb; engine: string; drop: () => Promise<void> }> {
  if (!url) {
    const db = await openHub({ dataDir: null });
    return { db, engine: 'PGlite', drop: () => db.close() };
  }
  const name = `thuky_hub_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openHub({ dataDir: null, databaseUrl: u.toString() });
  return {
    db,
    engine: 'PostgreSQL',
    drop: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** `pgUrl`: a PostgreSQL server to measure on (a database is created and dropped); PGlite without. */
export async function benchHub(size: HubBenchSize, pgUrl: string | undefined, log: (s: string) => void): Promise<Figure[]> {
  const { db, engine, drop } = await openEngine(pgUrl);
  const label = `${engine}, ${size.units} units × ${size.meetings} meetings × ${size.items} (${(size.units * size.meetings * size.items).toLocaleString('en-US')} items)`;
  try {
    const t0 = performance.now();
    await seedHub(db, size, log);
    log(`hub: seeded ${label} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const times: number[] = [];
    const per: Figure[] = [];
    for (const q of HUB_QUERIES) {
      const mine: number[] = [];
      for (let i = 0; i < 12; i++) {
        const t = performance.now();
        await queryRegister(db, HubRegisterFilter.parse({ limit: 100, ...q.f }));
        const ms = performance.now() - t;
        if (i >= 2) mine.push(ms); // the first two warm the caches
      }
      times.push(...mine);
      // The p99 of 70 is the slowest one: say which kind it was, and each kind's slowest.
      log(`  hub register ${q.name}: p50 ${round(percentile(mine, 50))} ms, max ${round(Math.max(...mine))} ms (${mine.map((x) => Math.round(x)).join(' ')})`);
      per.push({ section: 'hub', name: `register ${q.name}: p50`, value: round(percentile(mine, 50)), unit: 'ms', size: label, note: `count + first 100 rows; slowest of 10 ${round(Math.max(...mine))} ms` });
    }
    const reportTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await hubReport(db, '2026-01-01', '2026-03-31', 'quarter');
      reportTimes.push(performance.now() - t);
    }
    return [
      { section: 'hub', name: 'register filters and search: p99', value: round(percentile(times, 99)), unit: 'ms', target: { op: '<=', value: 50 }, size: label, note: `${times.length} queries of ${HUB_QUERIES.length} kinds` },
      ...per,
      { section: 'hub', name: 'quarter report across all units', value: round(Math.min(...reportTimes)), unit: 'ms', target: { op: '<=', value: 2000 }, size: label, note: `best of 3 (slowest ${Math.round(Math.max(...reportTimes))} ms); loads every item and history, folds with the app's code` },
    ];
  } finally {
    await drop();
  }
}

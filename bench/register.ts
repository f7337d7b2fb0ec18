// The follow-up register at the size the issue names: 100,000 kiến nghị over 1,000 meetings, a
// third of them with a history (status, agency, deadline). Measures, in this process and through
// the same core functions the channels call: the first build of the materialised state, a filter
// (count + the first screenful), a page fetch while scrolling, Home's counts, one change (event
// + re-fold of its meeting) and the period report. Budgets are the Live screen's: a filter as a
// type-ahead keystroke (≤ 30 ms), a page fetch within a frame (≤ 16 ms).
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase, DB_FILE_NAME } from '../electron/core/db/open';
import { ensureFresh } from '../electron/core/followup/state';
import { dueCounts, queryRegister } from '../electron/core/followup/register';
import { recordChange } from '../electron/core/followup/change';
import { buildReport } from '../electron/core/followup/report';
import type { RegisterFilter } from '../electron/shared/followup';
import { rng } from './data';
import { seedCorpus } from './seed';
import type { Figure } from './report';
import { percentile, round, timed } from './stats';

const AGENCIES = ['UBND phường', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Phòng Văn hóa - Xã hội', 'Công an phường', 'Ban quản lý chợ', 'UBND tỉnh'];
const STATUSES = ['in_progress', 'resolved', 'explained', 'awaiting_written', 'unresolvable', 'forwarded'];
const TODAY = '2026-06-15';

const pad = (n: number): string => String(n).padStart(2, '0');
const dayIn2026 = (d: number): string => {
  const t = new Date(Date.UTC(2026, 0, 1 + d));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
};

/** A third of the items get 1–3 events; written straight in SQL (the fold runs on the first read). */
function seedHistory(db: Database, seed: number): number {
  const { next: r, pick } = rng(seed);
  const items = db.prepare('SELECT uid, meeting_id FROM recommendations').all() as { uid: string; meeting_id: number }[];
  const insert = db.prepare('INSERT INTO followup_events (uid, item_uid, meeting_id, field, value, parent_uid, at, actor, note) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)');
  let n = 0;
  db.transaction(() => {
    for (const it of items) {
      if (r() > 1 / 3) continue;
      const at = `${dayIn2026(Math.floor(r() * 150))}T0${Math.floor(r() * 9)}:00:00.000Z`;
      insert.run(randomUUID(), it.uid, it.meeting_id, 'status', pick(STATUSES), at, 'Thư ký', 'Cập nhật theo báo cáo');
      insert.run(randomUUID(), it.uid, it.meeting_id, 'agency', pick(AGENCIES), at, 'Thư ký', '');
      if (r() < 0.7) insert.run(randomUUID(), it.uid, it.meeting_id, 'deadline', dayIn2026(100 + Math.floor(r() * 120)), at, 'Thư ký', '');
      n++;
    }
    db.prepare('INSERT OR IGNORE INTO followup_dirty SELECT id FROM meetings').run();
  })();
  return n;
}

export async function benchRegister(work: string, opts: { meetings: number; recsPerMeeting: number; reps: number }, log: (s: string) => void): Promise<Figure[]> {
  const dir = path.join(work, 'register');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const size = `${opts.meetings.toLocaleString('en-US')} meetings, ${(opts.meetings * opts.recsPerMeeting).toLocaleString('en-US')} kiến nghị`;
  const db = openDatabase(path.join(dir, DB_FILE_NAME));
  try {
    const t0 = performance.now();
    seedCorpus(db, { meetings: opts.meetings, recsPerMeeting: opts.recsPerMeeting, seed: 14 });
    const changed = seedHistory(db, 15);
    log(`  register: seeded ${size} (${changed.toLocaleString('en-US')} with a history) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const build = timed(() => ensureFresh(db));
    log(`  register: first build of the state ${build.ms.toFixed(0)} ms`);

    const { next: r, pick } = rng(16);
    const topics = (db.prepare('SELECT DISTINCT topic FROM followup_state LIMIT 50').all() as { topic: string }[]).map((t) => t.topic);
    const meetingIds = (db.prepare('SELECT id FROM meetings').all() as { id: number }[]).map((m) => m.id);
    const filters: (() => RegisterFilter)[] = [
      () => ({ status: [pick(STATUSES)] }),
      () => ({ agency: pick(AGENCIES) }),
      () => ({ topic: pick(topics) }),
      () => ({ overdue: true }),
      () => ({ dueWithinDays: 7 + Math.floor(r() * 30) }),
      () => ({ meetingId: pick(meetingIds) }),
      () => ({ from: '2019-01-01', to: '2019-12-31' }),
      () => ({ query: pick(['duong', 'moi truong', 'dat dai', 've sinh', 'hoc sinh', 'chieu sang']) }),
      () => ({ status: ['in_progress', 'awaiting_written'], agency: pick(AGENCIES), overdue: true }),
      () => ({ query: 'duong', status: [pick(STATUSES)] }),
    ];
    const filterMs: number[] = [];
    const pageMs: number[] = [];
    let total = 0;
    for (let i = 0; i < opts.reps; i++) {
      for (const f of filters) {
        const t = timed(() => queryRegister(db, { ...f(), today: TODAY, limit: 100 }, TODAY));
        filterMs.push(t.ms);
        total += t.value.items.length;
      }
      const all = { today: TODAY, limit: 50, offset: Math.floor(r() * (opts.meetings * opts.recsPerMeeting - 50)) };
      pageMs.push(timed(() => queryRegister(db, all, TODAY)).ms);
    }
    const countsMs: number[] = [];
    for (let i = 0; i < Math.min(opts.reps, 30); i++) countsMs.push(timed(() => dueCounts(db, TODAY, 7)).ms);
    const changeMs: number[] = [];
    const uids = (db.prepare('SELECT item_uid FROM followup_state ORDER BY random() LIMIT 30').all() as { item_uid: string }[]).map((u) => u.item_uid);
    for (const uid of uids) changeMs.push(timed(() => recordChange(db, new Date().toISOString(), { uid, status: pick(STATUSES), note: 'bench' }, 'bench')).ms);
    const report = timed(() => buildReport(db, '2026-04-01', '2026-06-30', 'quarter'));
    log(
      `  register: filter p50/p95 ${round(percentile(filterMs, 50))}/${round(percentile(filterMs, 95))} ms (${filterMs.length} queries, ${total} rows shown); page p95 ${round(percentile(pageMs, 95))} ms; counts p95 ${round(percentile(countsMs, 95))} ms; change p95 ${round(percentile(changeMs, 95))} ms; quarter report ${report.ms.toFixed(0)} ms`,
    );
    return [
      { section: 'search', name: 'register: filter (count + first 100 rows) p95', value: round(percentile(filterMs, 95)), unit: 'ms', target: { op: '<=', value: 30 }, size, note: `p50 ${round(percentile(filterMs, 50))} ms over ${filterMs.length} queries: status, agency, field, overdue, due within N days, meeting, period, Vietnamese search, combined` },
      { section: 'search', name: 'register: page fetch while scrolling (50 rows) p95', value: round(percentile(pageMs, 95)), unit: 'ms', target: { op: '<=', value: 16 }, size },
      { section: 'search', name: 'register: Home due/overdue counts p95', value: round(percentile(countsMs, 95)), unit: 'ms', target: { op: '<=', value: 30 }, size },
      { section: 'search', name: 'register: one change (event + re-fold) p95', value: round(percentile(changeMs, 95)), unit: 'ms', size },
      { section: 'search', name: 'register: quarter report (fold of every history)', value: round(report.ms, 0), unit: 'ms', size },
      { section: 'start', name: 'register: first build of the state after migration', value: round(build.ms, 0), unit: 'ms', size, note: 'once, on the first read after migration 005 (the state is a cache, kept current by triggers)' },
    ];
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

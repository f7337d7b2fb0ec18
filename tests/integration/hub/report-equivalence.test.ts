// The hub computes the period report in SQL (a province has 600,000 items); the app computes it by
// folding each history (computeReport). On random histories, random statuses and random periods
// the two must give the same report, row by row: the same rules, whichever side prints them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STATUSES, type FollowupStatus, type PeriodKind } from '../../../electron/shared/followup';
import { computeReport, type ReportItem } from '../../../electron/core/followup/report';
import type { EventLike } from '../../../electron/core/followup/events';
import { hubReport } from '../../../hub/src/report';
import type { HubDb } from '../../../hub/src/db';
import { ENGINES } from './engines';

const TOPICS = ['Đất đai', 'Giao thông', ' Môi trường ', '', 'Y tế'];
const AGENCIES = ['', 'UBND phường', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Công an phường'];
const pad = (n: number) => String(n).padStart(2, '0');
const day = (d: number): string => {
  const t = new Date(Date.UTC(2025, 0, 1 + d));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
};

function rng(seed: number) {
  let s = seed >>> 0;
  const next = (): number => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return { next, pick: <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

for (const engine of ENGINES) {
  describe(`hub report equals the app's computeReport (${engine.name})`, () => {
    let db: HubDb;
    let drop: () => Promise<void>;
    const items: ReportItem[] = [];
    // An office status of its own, so the statuses table and the app's map both carry it.
    const statuses: FollowupStatus[] = [...DEFAULT_STATUSES, { key: 'tam_dung', label: 'Tạm dừng', category: 'not_resolved', answered: false, sortOrder: 9, active: true }];

    beforeAll(async () => {
      ({ db, drop } = await engine.open());
      await db.query("INSERT INTO statuses (key, label, category, answered, sort_order) VALUES ('tam_dung', 'Tạm dừng', 'not_resolved', false, 9)");
      const now = new Date().toISOString();
      await db.query("INSERT INTO units (code, name, created_at) VALUES ('u-1', 'Phường Một', $1), ('u-2', 'Xã Hai', $1)", [now]);
      const { next, pick } = rng(20261128);
      const keys = statuses.map((s) => s.key);
      for (let m = 0; m < 12; m++) {
        const date = day(Math.floor(next() * 700));
        const unit = 1 + (m % 2);
        await db.query("INSERT INTO meetings (uid, unit_id, title, kind, date, status, content_hash, data, received_at, updated_at) VALUES ($1, $2, 'Hội nghị', 'đối thoại', $3, 'closed', '', '{}', $4, $4)", [`m${m}`, unit, date, now]);
        for (let k = 0; k < 25; k++) {
          const uid = `i${m}-${k}`;
          const base = { status: pick(['unanswered', 'answered_at_meeting', 'awaiting_written', 'forwarded']), agency: pick(AGENCIES), deadline: null };
          const topic = pick(TOPICS);
          await db.query(
            `INSERT INTO items (uid, meeting_uid, unit_id, kind, content, topic, received_on, folded, base_status, base_agency, status, agency, updated_at)
             VALUES ($1, $2, $3, 'recommendation', $4, $5, $6, '', $7, $8, $7, $8, $9)`,
            [uid, `m${m}`, unit, `Kiến nghị ${uid}`, topic, date, base.status, base.agency, now],
          );
          const events: EventLike[] = [];
          const n = Math.floor(next() * 5);
          for (let e = 0; e < n; e++) {
            const field = pick(['status', 'status', 'agency', 'document', 'note'] as const);
            const at = `${day(Math.floor(next() * 800))}T${pad(Math.floor(next() * 24))}:${pad(Math.floor(next() * 60))}:00.000Z`;
            const value =
              field === 'status' ? pick([...keys, ''])
              : field === 'agency' ? pick(AGENCIES)
              : field === 'document' ? JSON.stringify({ number: '12/UBND', date: day(Math.floor(next() * 800)), fileName: null, sha256: null })
              : '';
            // Same instant twice on purpose sometimes: the uid then decides, on both sides.
            const ev = { uid: `e${m}-${k}-${e}`, field, value, parentUid: null, at: e > 0 && next() < 0.2 ? events[e - 1]!.at : at, note: field === 'status' ? `lý do ${e}` : '' };
            events.push(ev);
            await db.query("INSERT INTO events (uid, item_uid, field, value, parent_uid, at, actor, note) VALUES ($1, $2, $3, $4, NULL, $5, 'Văn thư', $6)", [ev.uid, uid, ev.field, ev.value, ev.at, ev.note]);
          }
          items.push({ uid, content: `Kiến nghị ${uid}`, receivedOn: date, topic, base, events });
        }
      }
    }, 120_000);

    afterAll(async () => drop?.());

    it('for 40 random periods, every row and every percentage', async () => {
      const { next, pick } = rng(7);
      const map = new Map(statuses.map((s) => [s.key, s]));
      for (let i = 0; i < 40; i++) {
        const a = Math.floor(next() * 750);
        const b = a + Math.floor(next() * 200);
        const kind = pick(['custom', 'month', 'quarter'] as PeriodKind[]);
        const [from, to] = [day(a), day(b)];
        const want = computeReport(items, map, from, to, kind);
        const got = await hubReport(db, from, to, kind);
        const byLabel = (rows: { label: string }[]) => [...rows].sort((x, y) => x.label.localeCompare(y.label));
        expect(got.total, `${from}..${to}`).toEqual(want.total);
        expect(byLabel(got.byTopic)).toEqual(byLabel(want.byTopic));
        expect(byLabel(got.byAgency)).toEqual(byLabel(want.byAgency));
        expect([got.answeredPct, got.resolvedPct]).toEqual([want.answeredPct, want.resolvedPct]);
        expect([...got.notResolved].sort((x, y) => x.uid.localeCompare(y.uid))).toEqual([...want.notResolved].sort((x, y) => x.uid.localeCompare(y.uid)));
        expect(got.label).toBe(want.label);
      }
    }, 120_000);
  });
}

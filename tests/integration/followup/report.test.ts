import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUSES, type FollowupStatus, type ReportRow } from '../../../electron/shared/followup';
import { computeReport, periodLabel, type ReportItem } from '../../../electron/core/followup/report';
import { localDate } from '../../../electron/core/followup/dates';
import { dayOf, rng } from './seeded';

const statuses = new Map<string, FollowupStatus>(DEFAULT_STATUSES.map((s) => [s.key, s]));
const KEYS = DEFAULT_STATUSES.map((s) => s.key);
const TOPICS = ['đất đai', 'môi trường', 'giáo dục', ''];
const AGENCIES = ['UBND phường', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Công an phường', ''];

/** An instant during local day `iso` (the report counts by the secretary's calendar). */
const during = (iso: string, minute: number): string => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, minute).toISOString();
};

function randomItems(seed: number, n: number): ReportItem[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const received = r.int(0, 700);
    const events = Array.from({ length: r.int(0, 6) }, (_, j) => {
      const field = r.pick(['status', 'status', 'status', 'agency', 'document', 'note'] as const);
      const day = dayOf(received + r.int(0, 300));
      const value =
        field === 'status'
          ? r.pick(KEYS)
          : field === 'agency'
            ? r.pick(AGENCIES)
            : field === 'document'
              ? JSON.stringify({ number: `${j}/UBND`, date: dayOf(received + r.int(0, 400)), fileName: null, sha256: null })
              : '';
      return { uid: `e-${i}-${j}-${r.int(0, 1e6)}`, field, value, parentUid: null, at: during(day, r.int(0, 1439)), note: field === 'status' ? `lý do ${j}` : '' };
    });
    return {
      uid: `item-${i}`,
      content: `Kiến nghị ${i}`,
      receivedOn: dayOf(received),
      topic: r.pick(TOPICS),
      base: { status: r.pick(['unanswered', 'answered_at_meeting', 'awaiting_written', 'forwarded']), agency: r.pick(AGENCIES), deadline: null },
      events,
    };
  });
}

/** An independent reading of the rules: the state at the end of day D counts the events of days ≤ D. */
function oracle(items: ReportItem[], from: string, to: string) {
  const stateOn = (it: ReportItem, day: string) => {
    let status = it.base.status;
    let doc: { date: string | null } | null = null;
    const evs = it.events.filter((e) => localDate(new Date(e.at)) <= day).sort((a, b) => (a.at === b.at ? (a.uid < b.uid ? -1 : 1) : a.at < b.at ? -1 : 1));
    for (const e of evs) {
      if (e.field === 'status') status = e.value;
      if (e.field === 'document') doc = JSON.parse(e.value) as { date: string | null };
    }
    return { status, doc };
  };
  const dayBefore = localDate(new Date(new Date(`${from}T12:00:00`).getTime() - 86_400_000));
  const row = { carriedOver: 0, received: 0, resolved: 0, inProgress: 0, notResolved: 0, answered: 0 };
  for (const it of items) {
    if (it.receivedOn > to) continue;
    if (it.receivedOn < from) {
      if (statuses.get(stateOn(it, dayBefore).status)!.category === 'resolved') continue;
      row.carriedOver++;
    } else row.received++;
    const end = stateOn(it, to);
    const st = statuses.get(end.status)!;
    row[st.category === 'resolved' ? 'resolved' : st.category === 'not_resolved' ? 'notResolved' : 'inProgress']++;
    if (st.answered || (end.doc?.date && end.doc.date <= to)) row.answered++;
  }
  return row;
}

const numbers = ({ label: _l, ...n }: ReportRow) => n;
const identity = (r: ReportRow) => r.carriedOver + r.received === r.resolved + r.inProgress + r.notResolved;

describe('period report arithmetic', () => {
  it('carried over + received = resolved + in progress + not resolved, for every row, over many random periods and histories', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const items = randomItems(seed, 60);
      const r = rng(seed * 7919);
      const a = r.int(0, 1000);
      const from = dayOf(a);
      const to = dayOf(a + r.int(0, 400));
      const rep = computeReport(items, statuses, from, to, 'custom');
      const where = `seed ${seed}, ${from}..${to}`;
      expect(identity(rep.total), where).toBe(true);
      for (const row of [...rep.byTopic, ...rep.byAgency]) expect(identity(row), `${where}: ${row.label}`).toBe(true);
      // Every item is in exactly one topic row and one agency row.
      for (const rows of [rep.byTopic, rep.byAgency])
        for (const k of ['carriedOver', 'received', 'resolved', 'inProgress', 'notResolved', 'answered'] as const)
          expect(rows.reduce((s, x) => s + x[k], 0), `${where}: ${k}`).toBe(rep.total[k]);
      expect(numbers(rep.total), where).toEqual(oracle(items, from, to));
      expect(rep.notResolved).toHaveLength(rep.total.notResolved);
      const all = rep.total.carriedOver + rep.total.received;
      expect(rep.resolvedPct).toBe(all ? Math.round((rep.total.resolved / all) * 1000) / 10 : 0);
    }
  });

  it('carries over what was open before the period, not what was resolved by then', () => {
    const item = (uid: string, receivedOn: string, events: ReportItem['events']): ReportItem => ({ uid, content: uid, receivedOn, topic: 'đất đai', base: { status: 'unanswered', agency: '', deadline: null }, events });
    const items = [
      item('resolved-before', '2026-01-10', [{ uid: 'a', field: 'status', value: 'resolved', parentUid: null, at: during('2026-03-31', 600), note: '' }]),
      item('resolved-first-day', '2026-01-10', [{ uid: 'b', field: 'status', value: 'resolved', parentUid: null, at: during('2026-04-01', 1), note: '' }]),
      item('still-open', '2026-02-01', []),
      item('received-in', '2026-05-05', [{ uid: 'c', field: 'status', value: 'unresolvable', parentUid: null, at: during('2026-06-30', 1430), note: 'Chờ quy hoạch của tỉnh' }]),
      item('after', '2026-07-01', []),
      item('answered-by-document', '2026-04-02', [{ uid: 'd', field: 'document', value: JSON.stringify({ number: '45/UBND', date: '2026-06-01', fileName: null, sha256: null }), parentUid: null, at: during('2026-06-02', 5), note: '' }]),
    ];
    const rep = computeReport(items, statuses, '2026-04-01', '2026-06-30', 'quarter');
    expect(rep.label).toBe('Quý II năm 2026');
    expect(numbers(rep.total)).toEqual({ carriedOver: 2, received: 2, resolved: 1, inProgress: 2, notResolved: 1, answered: 3 });
    expect(rep.notResolved).toEqual([{ uid: 'received-in', content: 'received-in', agency: '', reason: 'Chờ quy hoạch của tỉnh' }]);
    expect(rep.answeredPct).toBe(75);
    expect(rep.resolvedPct).toBe(25);
  });

  it('names the period as Vietnamese reports do, and falls back to the dates', () => {
    expect(periodLabel('2026-10-01', '2026-12-31', 'quarter')).toBe('Quý IV năm 2026');
    expect(periodLabel('2026-01-01', '2026-06-30', 'half')).toBe('6 tháng đầu năm 2026');
    expect(periodLabel('2026-07-01', '2026-12-31', 'half')).toBe('6 tháng cuối năm 2026');
    expect(periodLabel('2026-01-01', '2026-09-30', 'nine_months')).toBe('9 tháng năm 2026');
    expect(periodLabel('2026-01-01', '2026-12-31', 'year')).toBe('năm 2026');
    expect(periodLabel('2028-02-01', '2028-02-29', 'month')).toBe('tháng 2 năm 2028');
    expect(periodLabel('2026-10-01', '2026-11-15', 'quarter')).toBe('từ ngày 01/10/2026 đến ngày 15/11/2026');
    expect(periodLabel('2026-10-01', '2026-12-31', 'custom')).toBe('từ ngày 01/10/2026 đến ngày 31/12/2026');
  });
});

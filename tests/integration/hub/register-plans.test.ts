// The hub's register picks a different way to read each page (issue 17, migration 003): all the
// matches sorted when they are few, a walk in the register's order when they are many, a walk date
// by date for "overdue" and "due within N days", and a word index that holds every prefix of
// every word up to 12 letters. Whatever the way, the answer must be the one the filter defines.
// This builds 4,400 items with known words, dates (some missing), deadlines and statuses, and
// checks every filter kind, at several offsets, against the same filter computed here in plain
// TypeScript. Runs on PGlite and, with THUKY_TEST_PG_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubDb } from '../../../hub/src/db';
import { COUNT_CAP, HubRegisterFilter, openStatuses, queryRegister } from '../../../hub/src/register';
import { searchText } from '../../../electron/core/followup/state';
import { foldedWords } from '../../../electron/shared/vi/fold';
import { ENGINES } from './engines';

const TODAY = '2025-06-01';
const LONG = 'Chuyểnđổisốquốcgiahoá'; // one word of 21 letters once folded
const LONG_SIBLING = 'Chuyểnđổisốquốcgiaxyz'; // the same first 12 letters (and more), then not
const PHRASES = ['Sửa đường Đông Anh', 'đất đai ở Đồng Tâm', 'giải phóng mặt bằng', 'nước sạch', 'đường điện', LONG, LONG_SIBLING, 'trường học', ''];
const STATUSES = ['awaiting_written', 'in_progress', 'resolved', 'unanswered', 'explained'];
const AGENCIES = ['UBND phường', 'Phòng Tài nguyên', 'Công an'];

type Row = { uid: string; unit: number; meeting: string; received: string | null; deadline: string | null; status: string; agency: string; topic: string; content: string };

/** mulberry32: the same rows on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (base: string, n: number): string => new Date(Date.parse(`${base}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function rows(): Row[] {
  const r = rng(17);
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const out: Row[] = [];
  for (let k = 0; k < 4000; k++) {
    const received = r() < 0.05 ? null : day('2025-01-01', Math.floor(r() * 200));
    const words = [pick(PHRASES), r() < 0.4 ? 'đường' : '', pick(PHRASES)].filter(Boolean).join(' ');
    out.push({
      uid: `u${String(k).padStart(5, '0')}`,
      unit: 1 + (k % 3),
      meeting: `m${k % 60}`,
      received,
      deadline: r() < 0.1 ? null : day(received ?? '2025-03-01', Math.floor(r() * 70) - 10),
      status: r() < 0.8 ? pick(STATUSES.slice(0, 2)) : pick(STATUSES),
      agency: pick(AGENCIES),
      topic: pick(['Giao thông', 'Đất đai', 'Y tế']),
      content: words,
    });
  }
  // One agency with 1,100 overdue items, 120 of them without a date: a page near the count's cap
  // needs the items without a date after every dated one (the date-by-date walk's last part).
  for (let k = 0; k < 1100; k++) {
    const received = k < 120 ? null : day('2025-01-01', k % 120);
    out.push({ uid: `v${String(k).padStart(5, '0')}`, unit: 1 + (k % 3), meeting: `m${k % 60}`, received, deadline: day('2025-01-01', 100 + (k % 30)), status: 'awaiting_written', agency: 'Sở Xây dựng', topic: 'Xây dựng', content: 'cấp phép xây dựng' });
  }
  return out;
}

/** The filter as the register defines it, in plain TypeScript: the oracle. */
function expected(all: Row[], open: string[], f: Partial<HubRegisterFilter>): { total: number; capped: boolean; uids: string[]; overdue: boolean[] } {
  const words = foldedWords(f.query ?? '').slice(0, 8);
  const plus = (d: string, n: number): string => day(d, n);
  const hits = all.filter((x) => {
    const folded = foldedWords([x.content, x.topic].join(' '));
    if (f.status?.length && !f.status.includes(x.status)) return false;
    if (f.agency && x.agency !== f.agency) return false;
    if (f.topic && x.topic !== f.topic) return false;
    if (f.unitId && x.unit !== f.unitId) return false;
    if (f.meetingUid && x.meeting !== f.meetingUid) return false;
    if (f.from && (x.received === null || x.received < f.from)) return false;
    if (f.to && (x.received === null || x.received > f.to)) return false;
    if ((f.overdue || f.dueWithinDays !== undefined) && !open.includes(x.status)) return false;
    if (f.overdue && (x.deadline === null || x.deadline >= TODAY)) return false;
    if (f.dueWithinDays !== undefined && (x.deadline === null || x.deadline < TODAY || x.deadline > plus(TODAY, f.dueWithinDays))) return false;
    return words.every((w) => folded.some((v) => v.startsWith(w)));
  });
  hits.sort((a, b) => (a.received === b.received ? (a.uid < b.uid ? -1 : 1) : a.received === null ? 1 : b.received === null ? -1 : a.received < b.received ? 1 : -1));
  const limit = f.limit ?? 100;
  const offset = f.offset ?? 0;
  const page = hits.slice(offset, offset + limit);
  return {
    total: Math.min(hits.length, COUNT_CAP),
    capped: hits.length > COUNT_CAP,
    uids: page.map((x) => x.uid),
    // Each row's own flag: an open status and a deadline before today.
    overdue: page.map((x) => open.includes(x.status) && x.deadline !== null && x.deadline < TODAY),
  };
}

const FILTERS: { name: string; f: Partial<HubRegisterFilter> }[] = [
  { name: 'everything', f: {} },
  { name: 'a common word, many matches (a walk in the register’s order)', f: { query: 'duong' } },
  { name: 'a word with đ typed with its marks', f: { query: 'Đường' } },
  { name: 'a prefix of a word', f: { query: 'truo' } },
  { name: 'words that come together', f: { query: 'giai phong mat bang' } },
  { name: 'đ folded to d, two words', f: { query: 'dong anh' } },
  { name: 'a word longer than the index’s 12 letters', f: { query: 'chuyendoisoquocgiahoa' } },
  { name: 'exactly the index’s 12 letters, shared by two words', f: { query: 'chuyendoisoq' } },
  { name: 'a word that is nowhere', f: { query: 'khongcogi' } },
  { name: 'a word and a unit', f: { query: 'dat dai', unitId: 2 } },
  { name: 'a word and a meeting', f: { query: 'nuoc', meetingUid: 'm7' } },
  { name: 'overdue (date by date)', f: { overdue: true } },
  { name: 'overdue and a topic', f: { overdue: true, topic: 'Giao thông' } },
  { name: 'overdue and a unit', f: { overdue: true, unitId: 3 } },
  { name: 'overdue and a word', f: { overdue: true, query: 'duong' } },
  { name: 'overdue, then the items without a date', f: { overdue: true, agency: 'Sở Xây dựng' } },
  { name: 'due within 30 days', f: { dueWithinDays: 30 } },
  { name: 'due within 120 days', f: { dueWithinDays: 120 } },
  { name: 'one status and a topic', f: { status: ['resolved'], topic: 'Y tế' } },
  { name: 'one status, many matches', f: { status: ['awaiting_written'] } },
  { name: 'two statuses', f: { status: ['resolved', 'explained'] } },
  { name: 'a period and an agency', f: { from: '2025-03-01', to: '2025-04-30', agency: 'UBND phường' } },
  { name: 'a unit', f: { unitId: 1 } },
];

for (const engine of ENGINES) {
  describe(`the hub's register on ${engine.name}: every way of reading a page gives the filter's answer`, () => {
    let db: HubDb;
    let drop: () => Promise<void>;
    let open: string[];
    const all = rows();

    beforeAll(async () => {
      ({ db, drop } = await engine.open());
      const now = '2025-01-01T00:00:00.000Z';
      await db.exec(`INSERT INTO units (code, name, created_at) VALUES ('don-vi-1', 'Phường 1', '${now}'), ('don-vi-2', 'Phường 2', '${now}'), ('don-vi-3', 'Xã 3', '${now}')`);
      for (let m = 0; m < 60; m++) {
        await db.query(`INSERT INTO meetings (uid, unit_id, title, kind, date, status, content_hash, data, received_at, updated_at) VALUES ($1, $2, $3, 'đối thoại', NULL, 'closed', 'h', '{}', $4, $4)`, [`m${m}`, 1 + (m % 3), `Hội nghị ${m}`, now]);
      }
      const col = <K extends keyof Row>(k: K): Row[K][] => all.map((x) => x[k]);
      await db.query(
        `INSERT INTO items (uid, meeting_uid, unit_id, kind, content, topic, received_on, folded, base_status, status, agency, deadline, updated_at)
         SELECT t.uid, t.meeting, t.unit, 'recommendation', t.content, t.topic, t.received::date, t.folded, t.status, t.status, t.agency, t.deadline::date, $9
           FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $10::text[], $11::text[])
             AS t(uid, meeting, unit, content, topic, received, folded, status, agency, deadline)`,
        [col('uid'), col('meeting'), col('unit'), col('content'), col('topic'), col('received'), all.map((x) => searchText([x.content, x.topic])), col('status'), now, col('agency'), col('deadline')],
      );
      await db.exec('ANALYZE items');
      open = await openStatuses(db);
    });
    afterAll(async () => {
      await drop();
    });

    it('covers both sides of the count’s cap, and items without a date or a deadline', () => {
      const sizes = FILTERS.map((x) => expected(all, open, { ...x.f, today: TODAY }));
      expect(sizes.some((s) => s.capped)).toBe(true);
      expect(sizes.some((s) => !s.capped && s.total > 0)).toBe(true);
      expect(sizes.some((s) => s.total === 0)).toBe(true);
      expect(all.some((x) => x.received === null) && all.some((x) => x.deadline === null)).toBe(true);
    });

    for (const { name, f } of FILTERS) {
      it(name, async () => {
        for (const page of [{ limit: 100, offset: 0 }, { limit: 100, offset: 450 }, { limit: 60, offset: 940 }, { limit: 1000, offset: 0 }]) {
          const want = expected(all, open, { ...f, ...page, today: TODAY });
          const got = await queryRegister(db, HubRegisterFilter.parse({ ...f, ...page, today: TODAY }));
          expect({ total: got.total, capped: got.capped, uids: got.items.map((i) => i.uid), overdue: got.items.map((i) => i.overdue) }, `${name} at ${JSON.stringify(page)}`).toEqual(want);
        }
      });
    }

    it('an export (every row, past the count’s cap) is the whole filter in the register’s order', async () => {
      for (const f of [{ overdue: true }, { query: 'duong' }, {}]) {
        // As registerFile asks: past the schema's limit of 1,000 a page.
        const got = await queryRegister(db, { ...HubRegisterFilter.parse({ ...f, today: TODAY }), limit: 100_000 });
        const want = expected(all, open, { ...f, limit: 100_000, today: TODAY });
        expect(got.items.map((i) => i.uid)).toEqual(want.uids);
        expect(got.items.length).toBeGreaterThan(COUNT_CAP);
      }
    });

    it('the word function of migration 004 gives exactly the words of 003’s (the index built on it stays valid)', async () => {
      // 003's definition, word for word, beside the faster one that replaced it.
      await db.exec(`CREATE FUNCTION hub_words_003(folded text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
        AS $$ SELECT array_to_tsvector(ARRAY(SELECT DISTINCT left(w, n) FROM unnest(string_to_array(folded, ' ')) AS w,
                                              generate_series(1, least(length(w), 12)) AS n WHERE w <> '')) $$`);
      const edge = ['', ' ', '   ', ' a', 'a  b', ' đường dài ', ' abcdefghijklmnop abcdefghijklmnopq', ' x x x x', ' 1 12 123'];
      const [r] = await db.query<{ n: number; differ: number; empty: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE hub_words(f) IS DISTINCT FROM hub_words_003(f))::int AS differ,
                count(*) FILTER (WHERE hub_words(f) = ''::tsvector)::int AS empty
           FROM (SELECT folded AS f FROM items UNION ALL SELECT unnest($1::text[])) t`,
        [edge],
      );
      expect(r).toEqual({ n: all.length + edge.length, differ: 0, empty: 3 });
      await db.exec('DROP FUNCTION hub_words_003(text)');
    });

    it('a long word matches only the words it begins, not every word sharing its first 12 letters', async () => {
      const got = await queryRegister(db, HubRegisterFilter.parse({ query: 'chuyendoisoquocgiahoa', limit: 1000, today: TODAY }));
      expect(got.items.length).toBeGreaterThan(0);
      expect(got.items.every((i) => i.content.includes(LONG))).toBe(true);
    });

    // Last: it changes the data. The register keeps the open statuses between calls (one round
    // trip fewer); a status a unit adds afterwards must count at once, not after a restart.
    it('a status added after the open list was kept is counted at once', async () => {
      const f = { overdue: true, agency: 'Công an', limit: 1000, today: TODAY };
      const before = await queryRegister(db, HubRegisterFilter.parse(f)); // keeps the list
      expect(before.items.map((i) => i.uid)).toEqual(expected(all, open, f).uids);
      const moved = new Set(all.filter((x) => x.agency === 'Công an' && x.status === 'resolved' && x.deadline !== null && x.deadline < TODAY).map((x) => x.uid));
      expect(moved.size).toBeGreaterThan(10);
      // As ingest adds a unit's own status, then a unit's events move items to it.
      await db.exec(`INSERT INTO statuses (key, label, category, answered, sort_order, active) VALUES ('cho_bo_tri_von', 'Chờ bố trí vốn', 'open', false, 1000, true)`);
      await db.query(`UPDATE items SET status = 'cho_bo_tri_von' WHERE uid = ANY($1)`, [[...moved]]);
      const after = all.map((x) => (moved.has(x.uid) ? { ...x, status: 'cho_bo_tri_von' } : x));
      const open2 = await openStatuses(db);
      expect(open2).toContain('cho_bo_tri_von');
      for (const g of [f, { dueWithinDays: 3650, agency: 'Công an', limit: 1000, today: TODAY }]) {
        const got = await queryRegister(db, HubRegisterFilter.parse(g));
        const want = expected(after, open2, g);
        expect({ total: got.total, uids: got.items.map((i) => i.uid), overdue: got.items.map((i) => i.overdue) }).toEqual({ total: want.total, uids: want.uids, overdue: want.overdue });
      }
      const got = await queryRegister(db, HubRegisterFilter.parse(f));
      expect(got.items.filter((i) => moved.has(i.uid))).toHaveLength(moved.size);
    });
  });
}

// The core's one write() helper: a change is one transaction (all of it or none of it), stamped
// with one time, and it uses the connection the context holds at the moment of the call (a
// restore replaces it). Real SQLite.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { write, type CoreContext } from '../../../electron/core/context';
import { tempCore, type TestCore } from '../../helpers/core';

let core: TestCore;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

describe('write()', () => {
  it('returns what the change returns, with the context time as ISO text', () => {
    const ctx: Pick<CoreContext, 'db' | 'now'> = { db: core.db, now: () => new Date('2019-10-18T07:00:00.000Z') };
    expect(write(ctx, (_db, now) => now)).toBe('2019-10-18T07:00:00.000Z');
  });

  it('runs inside a transaction, and a throw rolls back everything it wrote', () => {
    core.db.exec('CREATE TABLE t (x INTEGER)');
    const ctx = { db: core.db, now: () => new Date() };
    expect(() =>
      write(ctx, (db) => {
        expect(db.inTransaction).toBe(true);
        db.prepare('INSERT INTO t VALUES (1)').run();
        db.prepare('INSERT INTO t VALUES (2)').run();
        throw new Error('half way');
      }),
    ).toThrow('half way');
    expect(core.db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    write(ctx, (db) => db.prepare('INSERT INTO t VALUES (3)').run());
    expect(core.db.inTransaction).toBe(false);
    expect(core.db.prepare('SELECT x FROM t').all()).toEqual([{ x: 3 }]);
  });

  it('asks the clock once per change', () => {
    let calls = 0;
    const ctx = { db: core.db, now: () => new Date(Date.UTC(2019, 9, 18, 7, calls++)) };
    const stamps = write(ctx, (_db, now) => [now, now]);
    expect(calls).toBe(1);
    expect(stamps).toEqual(['2019-10-18T07:00:00.000Z', '2019-10-18T07:00:00.000Z']);
  });

  it('uses the connection the context holds when called', () => {
    const other = new Database(':memory:');
    try {
      const ctx = { db: core.db, now: () => new Date() };
      ctx.db = other;
      expect(write(ctx, (db) => db)).toBe(other);
    } finally {
      other.close();
    }
  });

  it('attendee.add (through write): a refused add leaves neither person nor attendee, an accepted one returns the attendee', async () => {
    const m = await core.call('meeting.create', { fields: { title: 'Hội nghị thử' } });
    const counts = () => core.db.prepare('SELECT (SELECT count(*) FROM attendees) AS a, (SELECT count(*) FROM people) AS p').get();
    const before = counts();
    // A new person for a meeting that does not exist: neither the person nor the attendee stays.
    const r = await core.registry.dispatch('attendee.add', { meetingId: 999_999, newPerson: { fullName: 'Nguyễn Văn A', titles: [], organization: '', rank: 5 }, role: 'guest' });
    expect(r.ok).toBe(false);
    expect(counts()).toEqual(before);
    const added = await core.call('attendee.add', { meetingId: m.id, newPerson: { fullName: 'Nguyễn Văn A', titles: [], organization: '', rank: 5 }, role: 'guest' });
    expect(added.fullName).toBe('Nguyễn Văn A');
  });
});

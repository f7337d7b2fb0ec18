// npm run crash-test -- --kills N [--seed S] [--phases typing,open,…] [--data DIR] [--json] [--keep] [--sabotage]
// Starts a child that writes through the real core's Registry.dispatch, kills it with SIGKILL at a
// moment chosen (seeded) among these phases, reopens the database and checks it:
//   typing     20–420 ms into typing-speed saves (recommendations, a field, replies)
//   open       right after spawn: while node loads, the lock is taken, the database opens
//   migration  while createCore migrates a database left at schema 3 (its own folder per kill)
//   backup     inside backup.create
//   restore    inside backup.restore (after writes made since that backup)
//   import     inside record.import of a record from tests/fixtures/records
//   photo      inside photo.add (decode, re-encode, write)
// After each kill: integrity_check = ok; every acknowledged write present with exactly the
// acknowledged value (a write not acknowledged: the old value or the new one, nothing else); a
// restore cut short leaves the whole state before it or the whole backup; the schema is the newest
// or untouched at the old version; every imported meeting has all its recommendations; every
// acknowledged backup passes integrity_check; the data folder's lock is free for the next child.
// Runs on the same file, so damage would accumulate rather than hide. Each kill's moment comes
// from the seed (printed first): `--seed S` replays the same choices. Last line:
// "kills: N, corrupt: C, lost: L" (C: kills after which the folder was damaged; L: acked writes
// missing or changed).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { build } from 'esbuild';
import { openDatabase } from '../electron/core/db/open';
import { migrate } from '../electron/core/db/migrate';
import { MIGRATIONS } from '../electron/core/db/migrations';
import { acquireDataLock } from '../electron/core/lock';
import { backupPath, checkFile } from '../electron/core/backup/backups';

const PHASES = ['typing', 'open', 'migration', 'backup', 'restore', 'import', 'photo'] as const;
type Phase = (typeof PHASES)[number];

const { values } = parseArgs({
  options: {
    kills: { type: 'string' },
    seed: { type: 'string' },
    phases: { type: 'string' },
    data: { type: 'string' },
    json: { type: 'boolean' },
    keep: { type: 'boolean' },
    sabotage: { type: 'boolean' },
    transport: { type: 'string', default: 'both' },
  },
});
if (!['dispatch', 'http', 'both'].includes(values.transport)) throw new Error('--transport: dispatch, http or both');
const kills = Number(values.kills ?? 20);
const baseSeed = values.seed !== undefined ? Number(values.seed) >>> 0 : Math.floor(Math.random() * 2 ** 31);
const phases: Phase[] = values.phases ? (values.phases.split(',') as Phase[]) : [...PHASES];
for (const p of phases) if (!PHASES.includes(p)) throw new Error(`unknown phase "${p}" (one of ${PHASES.join(', ')})`);
const dir = values.data ?? mkdtempSync(path.join(os.tmpdir(), 'thuky-crash-'));
const dbFile = path.join(dir, 'thuky.sqlite3');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NEWEST = MIGRATIONS.length;
const OLD = 3;

// The child is bundled once to plain JS: a restart then costs ~0.2 s instead of ~1 s of
// TypeScript loading, which is what makes 500 kills fit in a few minutes.
// One file per run: two crash tests at once (vitest and a manual run) must not rebuild each
// other's child while it is being started.
const childJs = path.join(root, 'node_modules', '.cache', 'thuky', `crash-child-${process.pid}.mjs`);
await build({
  entryPoints: [path.join(root, 'scripts', 'crash-child.ts')],
  outfile: childJs,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
  banner: { js: "import { createRequire as __thukyRequire } from 'node:module'; const require = __thukyRequire(import.meta.url);" },
});

/** mulberry32: small, seedable, the same on every machine. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Phases in shuffled rounds, so even 20 kills visit every phase at least twice. */
function schedule(n: number): Phase[] {
  const r = prng(baseSeed);
  const out: Phase[] = [];
  while (out.length < n) {
    const round = [...phases];
    for (let i = round.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [round[i], round[j]] = [round[j]!, round[i]!];
    }
    out.push(...round);
  }
  return out.slice(0, n);
}

// ---- What the parent knows: per key, the acknowledged value (null: must be absent) and the one
// in flight when the kill came. Kept across kills, so a later kill that loses earlier data counts.
type Model = Map<string, string | null>;
const state: Model = new Map();

type Run = {
  pending: Map<string, string>;
  /** A row being created when the kill came (its id was never told): kind and value. */
  creating: { kind: string; value: string } | null;
  /** The state a restore in flight would bring back (null: no restore in flight). */
  restoreTo: Model | null;
  backups: string[];
  /** The child reached createCore (the lock, the open, the migration). */
  opening: boolean;
  ready: boolean;
  /** Set when a process stopped by itself instead of being killed (what it printed). */
  error: string | null;
  /** The kill landed between 'begin' and 'end' of the aimed operation. */
  inside: boolean;
  writes: number;
};

// Rough durations, learned as the run goes, to aim kills inside short operations.
const estimate: Record<string, number> = { spawn: 300, open: 10, migration: 40, backup: 30, restore: 60, import: 30, photo: 40 };

type Transport = 'dispatch' | 'http';
type Line = { t: string; key?: string; value?: string; op?: string; ms?: number; file?: string; port?: number; token?: string };

/** Calls `onLine` for each complete line; a partial last line was never acknowledged. */
function readLines(stream: NodeJS.ReadableStream, onLine: (m: Line) => void): void {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      let m: Line;
      try {
        m = JSON.parse(line) as Line;
      } catch {
        // Not the protocol (something printed to stdout): shown, never taken for an ack.
        console.error(`unexpected line from a child: ${line.slice(0, 200)}`);
        continue;
      }
      onLine(m);
    }
  });
}

/**
 * One child, killed; its acknowledgements go into `state` (a throwaway model for a folder of its
 * own). With the HTTP transport the killed child is the browser-mode server, and the writes come
 * from a second process (the writer) over HTTP with the token; the writer outlives the kill long
 * enough to report every answer it received, then is stopped.
 */
function runOnce(phase: Phase, runDir: string, seed: number, state: Model, transport: Transport): Promise<Run> {
  const r = prng(seed ^ 0x9e3779b9);
  const run: Run = { error: null, pending: new Map(), creating: null, restoreTo: null, backups: [], opening: false, ready: false, inside: false, writes: 0 };
  let snapshot: Model | null = null;
  const common = ['--data', runDir, '--seed', String(seed), '--phase', phase, '--root', root, ...(values.sabotage ? ['--sabotage'] : [])];
  // Plain node processes (not the tsx CLI, which runs the script in a grandchild that a SIGKILL
  // of the CLI would leave running, still writing).
  const start = (args: string[]) => spawn(process.execPath, [childJs, ...common, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: root });
  return new Promise((resolve) => {
    const started = performance.now();
    const child = start(transport === 'http' ? ['--role', 'server'] : []);
    let writer: ReturnType<typeof start> | null = null;
    let writerDone: Promise<void> = Promise.resolve();
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    let killed = false;
    let open: string | null = null;
    const killIn = (ms: number) => {
      if (!timer)
        timer = setTimeout(() => {
          killed = true;
          child.kill('SIGKILL');
        }, Math.max(0, ms));
    };
    // The operation to aim at, and at which occurrence of it.
    const aimAt = 1 + Math.floor(r() * 3);
    let seen = 0;
    // Half the open kills land anywhere from spawn to ready (node loading, then createCore);
    // the other half inside createCore itself (the lock, quick_check, the WAL replay).
    const openInside = r() < 0.5;
    if (phase === 'open' && !openInside) killIn(r() * estimate.spawn!);
    const onLine = (m: Line) => {
      if (m.t === 'opening') {
        run.opening = true;
        if (phase === 'migration') killIn(r() * 1.3 * estimate.migration!);
        if (phase === 'open' && openInside) killIn(r() * 1.3 * estimate.open!);
      } else if (m.t === 'opened') {
        estimate.spawn = 0.7 * estimate.spawn! + 0.3 * (performance.now() - started);
        if (phase !== 'migration') estimate.open = 0.7 * estimate.open! + 0.3 * (m.ms ?? 0);
      } else if (m.t === 'listening') {
        if (killed) return;
        // '=' form: a base64url token may start with '-', which parseArgs would take for an option.
        const w = start(['--role', 'writer', `--url=http://127.0.0.1:${m.port}`, `--token=${m.token ?? ''}`]);
        writer = w;
        let writerErr = '';
        w.stderr.on('data', (c: Buffer) => (writerErr += c.toString()));
        readLines(w.stdout, onLine);
        writerDone = new Promise((done) => {
          w.on('close', () => {
            // The writer fails once the server is gone; before the kill, that is a real error.
            if (!killed) {
              killed = true;
              child.kill('SIGKILL');
              run.error = `the writer stopped before the kill: ${writerErr.trim().slice(-600)}`;
            }
            done();
          });
        });
      } else if (m.t === 'ready') {
        run.ready = true;
        if (phase === 'typing') killIn(20 + r() * 400);
        // The aimed operation may never come (a slow machine); the kill still happens.
        else killIn(5000);
      } else if (m.t === 'try' && m.key?.endsWith(':new')) {
        run.creating = { kind: m.key.slice(0, -4), value: m.value ?? '' };
      } else if (m.t === 'try' && m.key) {
        run.pending.set(m.key, m.value ?? '');
      } else if (m.t === 'ack' && m.key) {
        run.pending.delete(m.key);
        if (run.creating && m.key.startsWith(`${run.creating.kind}:`)) run.creating = null;
        state.set(m.key, m.value ?? '');
        run.writes += 1;
      } else if (m.t === 'begin' && m.op) {
        open = m.op;
        if (m.op === 'restore') run.restoreTo = snapshot;
        if (++seen === aimAt && !killed) {
          if (timer) clearTimeout(timer);
          timer = null;
          killIn(r() * 1.2 * (estimate[m.op] ?? 30));
        }
      } else if (m.t === 'end' && m.op) {
        open = null;
        estimate[m.op] = 0.7 * (estimate[m.op] ?? m.ms!) + 0.3 * m.ms!;
      } else if (m.t === 'backup' && m.file) {
        run.backups.push(m.file);
        run.writes += 1;
      } else if (m.t === 'snapshot') {
        snapshot = new Map(state);
      } else if (m.t === 'restored' && snapshot) {
        // Everything written since the backup is gone, by design: absent is now the right answer.
        for (const k of state.keys()) if (!snapshot.has(k)) snapshot.set(k, null);
        for (const [k, v] of snapshot) state.set(k, v);
        run.restoreTo = null;
        run.writes += 1;
      }
    };
    readLines(child.stdout, onLine);
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // 'close', not 'exit': every line the child wrote has been read by then.
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL' || !killed) {
        // A child that cannot start or stops on an error (the folder locked, the database refused)
        // is a finding too: counted as corrupt, and the next kills go on.
        killed = true;
        writer?.kill('SIGKILL');
        run.error = `the child stopped by itself before the kill (exit ${code}): ${stderr.trim().slice(-600)}`;
      }
      // The writer sees the server gone at its next request and exits; a stuck one is stopped.
      const w = writer as ReturnType<typeof start> | null;
      const stop = w ? setTimeout(() => w.kill('SIGKILL'), 3000) : null;
      void writerDone.then(() => {
        if (stop) clearTimeout(stop);
        // Typing has no long operation: "inside" there means a save was in flight.
        run.inside = phase === 'typing' ? run.pending.size > 0 || run.creating !== null : open !== null;
        resolve(run);
      });
    });
  });
}

// ---- Reading a key back from the database.
function reader(db: Db): (key: string) => string | null {
  const q = {
    rec: db.prepare('SELECT content AS v FROM recommendations WHERE id = ?'),
    loc: db.prepare('SELECT location AS v FROM meetings WHERE id = ?'),
    reply: db.prepare("SELECT coalesce((SELECT group_concat(recommendation_id) FROM reply_links WHERE reply_id = r.id), '') AS v FROM replies r WHERE id = ?"),
    photo: db.prepare("SELECT caption || '|' || width || 'x' || height || CASE WHEN length(data) > 0 AND length(thumb) > 0 THEN '' ELSE '|empty' END AS v FROM photos WHERE id = ?"),
    import: db.prepare("SELECT title || '|' || (SELECT count(*) FROM recommendations WHERE meeting_id = m.id AND deleted_at IS NULL) AS v FROM meetings m WHERE id = ?"),
  };
  return (key) => {
    const [kind, id] = key.split(':') as [keyof typeof q, string];
    const row = q[kind].get(Number(id)) as { v: string } | undefined;
    return row ? String(row.v) : null;
  };
}

const show = (v: string | null | undefined) => (v === null || v === undefined ? 'absent' : JSON.stringify(v.length > 40 ? `${v.slice(0, 18)}…${v.slice(-18)}` : v));

type Mismatch = { key: string; got: string | null; text: string };

/** Keys whose value is neither the acked one nor the one in flight. */
function mismatches(read: (k: string) => string | null, world: Model, run: Pick<Run, 'pending' | 'creating'>): Mismatch[] {
  const bad: Mismatch[] = [];
  for (const [key, want] of world) {
    const got = read(key);
    if (got === want) continue;
    if (run.pending.has(key) && got === run.pending.get(key)) continue;
    // A row a restore took away may have its id taken again by the create in flight.
    if (want === null && run.creating && key.startsWith(`${run.creating.kind}:`) && got === run.creating.value) continue;
    bad.push({ key, got, text: `${key}: acked ${show(want)}, found ${show(got)}` });
  }
  return bad;
}

function integrity(db: Db): string | null {
  const check = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  return check.length === 1 && check[0] === 'ok' ? null : `integrity_check: ${check.slice(0, 3).join('; ')}`;
}

/** The lock must be free once the child is dead: the next writer must not be locked out. */
function lockProblem(dataDir: string): string | null {
  try {
    acquireDataLock(dataDir, 'cli', { command: 'crash-test' }).release();
    return null;
  } catch (e) {
    return `the data folder is still locked after the kill: ${(e as Error).message}`;
  }
}

type Verdict = { corrupt: boolean; lost: number; detail: string[] };

function verifyMain(run: Run): Verdict {
  const detail: string[] = [];
  let damaged = false;
  const fail = (msg: string) => {
    damaged = true;
    detail.push(msg);
  };
  const lock = lockProblem(dir);
  if (lock) fail(lock);
  if (!existsSync(dbFile)) {
    // Only a kill before the first open may leave no file; then nothing was acknowledged.
    const lost = [...state.values()].filter((v) => v !== null).length;
    if (lost) detail.push(`the database file is gone with ${lost} acknowledged writes`);
    return { corrupt: damaged, lost, detail };
  }
  // Opening through the app's own path also replays the WAL, as the app would after a crash.
  const db = openDatabase(dbFile);
  try {
    const bad = integrity(db);
    if (bad) fail(bad);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== NEWEST) fail(`schema version ${version}, expected ${NEWEST}`);
    const read = reader(db);
    let lostKeys = mismatches(read, state, run);
    if (run.restoreTo) {
      // Killed inside a restore: all of the state before it, or all of the backup, never a mix.
      const restored = new Map(run.restoreTo);
      for (const k of state.keys()) if (!restored.has(k)) restored.set(k, null);
      const asRestored = mismatches(read, restored, { pending: new Map(), creating: null });
      if (asRestored.length === 0) {
        for (const [k, v] of restored) state.set(k, v);
        lostKeys = [];
      } else if (lostKeys.length) detail.push(...asRestored.map((s) => `(as restored) ${s.text}`));
    }
    detail.push(...lostKeys.map((m) => m.text));
    // A loss is counted once: what is there now is what the next kills must keep.
    for (const m of lostKeys) state.set(m.key, m.got);
    // What did commit is now the acknowledged state for the next kills.
    for (const [k, v] of run.pending) if (read(k) === v) state.set(k, v);
    // Rows a restore took away were checked absent just now; later runs may reuse their ids.
    for (const [k, v] of state) if (v === null) state.delete(k);
    // Every imported meeting, acked or not, has all the recommendations its title announces.
    const imported = db.prepare("SELECT m.id, m.title, (SELECT count(*) FROM recommendations WHERE meeting_id = m.id AND deleted_at IS NULL) AS n FROM meetings m WHERE title LIKE 'Crash nhập %'").all() as {
      id: number;
      title: string;
      n: number;
    }[];
    for (const m of imported) {
      const want = Number(/^Crash nhập (\d+) /.exec(m.title)?.[1]);
      if (m.n !== want) fail(`meeting ${m.id} half-imported: ${m.n} of ${want} recommendations`);
    }
    for (const f of run.backups) {
      const file = backupPath(dir, f);
      // Rotation may remove an older backup; one that is there must be whole.
      if (existsSync(file)) {
        const v = checkFile(file);
        if (v !== 'ok') fail(`acknowledged backup ${f}: ${v}`);
      }
    }
    return { corrupt: damaged, lost: lostKeys.length, detail };
  } finally {
    db.close();
  }
}

// ---- Migration: a database left at schema 3, with enough rows that migrating takes a while.
function schemaOf(db: Db): string {
  return (db.prepare("SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS s FROM sqlite_master ORDER BY type, name").all() as { s: string }[]).map((r) => r.s).join('\n');
}
const REF: Record<number, string> = {};
for (const v of [OLD, NEWEST]) {
  const mem = new Database(':memory:');
  migrate(mem, MIGRATIONS, v);
  REF[v] = schemaOf(mem);
  mem.close();
}
const OLD_RECS = 2000;
/** How the killed migrations ended: untouched at the old version, or done. */
const migrationOutcomes = { old: 0, new: 0 };

function makeOldDatabase(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'thuky.sqlite3'));
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS, OLD);
  db.transaction(() => {
    const at = '2025-01-01T00:00:00.000Z';
    const m = db.prepare("INSERT INTO meetings (title, created_at, updated_at) VALUES ('Hội nghị cũ', ?, ?)").run(at, at);
    const rec = db.prepare("INSERT INTO recommendations (meeting_id, phase, content, seq, updated_at) VALUES (?, 'during', ?, ?, ?)");
    for (let i = 1; i <= OLD_RECS; i++) rec.run(m.lastInsertRowid, `Đề nghị cũ số ${i}`, i, at);
  })();
  db.close();
}

function verifyMigration(dataDir: string): Verdict {
  const detail: string[] = [];
  let damaged = false;
  const fail = (msg: string) => {
    damaged = true;
    detail.push(msg);
  };
  const lock = lockProblem(dataDir);
  if (lock) fail(lock);
  // A plain handle, not openDatabase: that would migrate and hide a half-done migration.
  const db = new Database(path.join(dataDir, 'thuky.sqlite3'));
  let lost = 0;
  try {
    const bad = integrity(db);
    if (bad) fail(bad);
    const version = db.pragma('user_version', { simple: true }) as number;
    const schema = schemaOf(db);
    migrationOutcomes[version === OLD ? 'old' : 'new'] += 1;
    if (version !== OLD && version !== NEWEST) fail(`schema version ${version}: neither ${OLD} nor ${NEWEST}`);
    else if (schema !== REF[version]) fail(`schema version ${version} but its tables differ from a clean version ${version}`);
    const n = (db.prepare("SELECT count(*) AS n FROM recommendations WHERE content = 'Đề nghị cũ số ' || seq").get() as { n: number }).n;
    if (n !== OLD_RECS) {
      lost = OLD_RECS - n;
      detail.push(`${n} of the ${OLD_RECS} recommendations written before the migration are there unchanged`);
    }
  } finally {
    db.close();
  }
  if (!damaged) {
    // The next start must finish the job.
    const db2 = openDatabase(path.join(dataDir, 'thuky.sqlite3'));
    const bad = integrity(db2);
    const version = db2.pragma('user_version', { simple: true }) as number;
    db2.close();
    if (bad || version !== NEWEST) fail(`reopening after the kill: ${bad ?? `version ${version}`}`);
  }
  return { corrupt: damaged, lost, detail };
}

function calibrateMigration(): void {
  const d = path.join(dir, 'calibrate');
  makeOldDatabase(d);
  const db = new Database(path.join(d, 'thuky.sqlite3'));
  const t = performance.now();
  migrate(db, MIGRATIONS);
  // Opening costs about as much again (lock, quick_check); aim across both.
  estimate.migration = 2 * (performance.now() - t) + 10;
  db.close();
  rmSync(d, { recursive: true, force: true });
}

async function main(): Promise<void> {
  console.log(`seed: ${baseSeed} (replay with --seed ${baseSeed}${values.phases ? ` --phases ${values.phases}` : ''}${values.transport !== 'both' ? ` --transport ${values.transport}` : ''})`);
  if (phases.includes('migration')) calibrateMigration();
  let corrupt = 0;
  let lost = 0;
  let writes = 0;
  const perPhase = new Map<Phase, { kills: number; inside: number }>();
  const started = Date.now();
  const plan = schedule(kills);
  const transports: Record<Transport, number> = { dispatch: 0, http: 0 };
  for (let i = 1; i <= kills; i++) {
    const phase = plan[i - 1]!;
    const seed = (Math.imul(baseSeed ^ 0x85ebca6b, 31) + i) >>> 0;
    const runDir = phase === 'migration' ? path.join(dir, `migration-${i}`) : dir;
    if (phase === 'migration') makeOldDatabase(runDir);
    const transport: Transport = values.transport === 'both' ? (prng(seed)() < 0.5 ? 'dispatch' : 'http') : (values.transport as Transport);
    const run = await runOnce(phase, runDir, seed, phase === 'migration' ? new Map() : state, transport);
    writes += run.writes;
    let v: Verdict;
    try {
      v = phase === 'migration' ? verifyMigration(runDir) : verifyMain(run);
    } catch (e) {
      // The folder does not even reopen: that is the worst kind of corrupt.
      v = { corrupt: true, lost: 0, detail: [`reopening failed: ${(e as Error).message}`] };
    }
    if (phase === 'migration') rmSync(runDir, { recursive: true, force: true });
    transports[transport] += 1;
    const p = perPhase.get(phase) ?? { kills: 0, inside: 0 };
    p.kills += 1;
    if (run.inside || ((phase === 'migration' || phase === 'open') && run.opening && !run.ready)) p.inside += 1;
    perPhase.set(phase, p);
    if (run.error) v.detail.unshift(run.error);
    if (v.corrupt || run.error) corrupt += 1;
    lost += v.lost;
    if (v.detail.length) console.error(`kill ${i} (${phase}, ${transport}, seed ${seed}): ${v.detail.slice(0, 5).join(' | ')}`);
    if (i % 10 === 0 || i === kills) console.log(`… ${i}/${kills} kills, ${writes} acknowledged writes checked`);
  }
  const seconds = (Date.now() - started) / 1000;
  if (process.env.THUKY_CRASH_DEBUG) console.log(JSON.stringify(estimate));
  console.log(`phases (kills, of which inside the operation): ${[...perPhase].map(([k, p]) => `${k} ${p.kills}/${p.inside}`).join(', ')}`);
  console.log(`transports: ${transports.dispatch} through Registry.dispatch, ${transports.http} through the browser-mode HTTP server`);
  if (perPhase.has('migration')) console.log(`migrations killed: ${migrationOutcomes.old} left at version ${OLD}, ${migrationOutcomes.new} done (version ${NEWEST})`);
  if (values.json) console.log(JSON.stringify({ kills, corrupt, lost, writes, seconds, seed: baseSeed, phases: Object.fromEntries(perPhase), migrationOutcomes, transports }));
  if (!values.keep && !values.data) rmSync(dir, { recursive: true, force: true });
  console.log(`kills: ${kills}, corrupt: ${corrupt}, lost: ${lost}`);
  process.exitCode = corrupt === 0 && lost === 0 ? 0 : 1;
}

try {
  await main();
} finally {
  rmSync(childJs, { force: true });
}

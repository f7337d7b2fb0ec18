// npm run crash-test -- --kills N [--data DIR] [--json]
// Starts a child that writes through the real core at typing speed, kills it with SIGKILL at a
// random moment, reopens the database and checks that (1) integrity_check says ok and (2) every
// write the child acknowledged before the kill is there. Repeats N times on the same file, so
// damage would accumulate rather than hide. Last line: "kills: N, corrupt: C, lost: L".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { openDatabase } from '../electron/core/db/open';

const { values } = parseArgs({
  options: { kills: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' }, keep: { type: 'boolean' }, sabotage: { type: 'boolean' } },
});
const kills = Number(values.kills ?? 20);
const dir = values.data ?? mkdtempSync(path.join(os.tmpdir(), 'thuky-crash-'));
const dbFile = path.join(dir, 'thuky.sqlite3');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The child is bundled once to plain JS: a restart then costs ~0.2 s instead of ~1 s of
// TypeScript loading, which is what makes 500 kills fit in a few minutes.
const childJs = path.join(root, 'node_modules', '.cache', 'thuky', 'crash-child.mjs');
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

type Acks = { recs: Map<number, number>; replies: Map<number, number>; fields: Map<number, number>; writes: number; ready: boolean };

function runOnce(seed: number): Promise<Acks> {
  return new Promise((resolve, reject) => {
    const acks: Acks = { recs: new Map(), replies: new Map(), fields: new Map(), writes: 0, ready: false };
    // One plain node process (not the tsx CLI, which runs the script in a grandchild that a
    // SIGKILL of the CLI would leave running, still writing).
    const child = spawn(process.execPath, [childJs, '--data', dir, '--seed', String(seed), ...(values.sabotage ? ['--sabotage'] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: root,
    });
    let buf = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const [kind, a, b] = buf.slice(0, nl).split(' ');
        buf = buf.slice(nl + 1);
        if (kind === 'ready') {
          acks.ready = true;
          // Kill somewhere in the next 20–420 ms of typing: inside a transaction, between two,
          // during a checkpoint — wherever it lands.
          timer = setTimeout(() => child.kill('SIGKILL'), 20 + Math.random() * 400);
        } else if (kind === 'rec') acks.recs.set(Number(a), Math.max(acks.recs.get(Number(a)) ?? 0, Number(b)));
        else if (kind === 'reply') acks.replies.set(Number(a), Number(b));
        else if (kind === 'field') acks.fields.set(Number(a), Math.max(acks.fields.get(Number(a)) ?? 0, Number(b)));
        if (kind !== 'ready') acks.writes += 1;
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      // A partial last line was never acknowledged: it is not counted.
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`the child stopped by itself before the kill:\n${stderr}`));
    });
  });
}

/** Every acknowledged write is in the database: returns how many are missing. */
function verify(acks: Acks): { corrupt: boolean; lost: number; detail: string[] } {
  // Opening through the app's own path also replays the WAL, as the app would after a crash.
  const db = openDatabase(dbFile);
  const detail: string[] = [];
  try {
    const check = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const corrupt = !(check.length === 1 && check[0] === 'ok');
    if (corrupt) detail.push(`integrity_check: ${check.slice(0, 3).join('; ')}`);
    let lost = 0;
    for (const [id, len] of acks.recs) {
      const row = db.prepare('SELECT length(content) AS n FROM recommendations WHERE id = ?').get(id) as { n: number } | undefined;
      if (!row || row.n < len) {
        lost += 1;
        detail.push(`recommendation ${id}: acked ${len} characters, found ${row?.n ?? 'none'}`);
      }
    }
    for (const [id, recId] of acks.replies) {
      const row = db.prepare('SELECT 1 FROM reply_links WHERE reply_id = ? AND recommendation_id = ?').get(id, recId);
      if (!row) {
        lost += 1;
        detail.push(`reply ${id} for ${recId}: missing`);
      }
    }
    for (const [id, len] of acks.fields) {
      const row = db.prepare('SELECT length(location) AS n FROM meetings WHERE id = ?').get(id) as { n: number } | undefined;
      if (!row || row.n < len) {
        lost += 1;
        detail.push(`meeting ${id} location: acked ${len}, found ${row?.n ?? 'none'}`);
      }
    }
    return { corrupt, lost, detail };
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  let corrupt = 0;
  let lost = 0;
  let writes = 0;
  const started = Date.now();
  for (let i = 1; i <= kills; i++) {
    const acks = await runOnce(i);
    writes += acks.writes;
    const v = verify(acks);
    if (v.corrupt) corrupt += 1;
    lost += v.lost;
    if (v.detail.length) console.error(`kill ${i}: ${v.detail.slice(0, 5).join(' | ')}`);
    if (i % 10 === 0 || i === kills) console.log(`… ${i}/${kills} kills, ${writes} acknowledged writes checked`);
  }
  const seconds = (Date.now() - started) / 1000;
  if (values.json) console.log(JSON.stringify({ kills, corrupt, lost, writes, seconds }));
  if (!values.keep && !values.data) rmSync(dir, { recursive: true, force: true });
  console.log(`kills: ${kills}, corrupt: ${corrupt}, lost: ${lost}`);
  process.exitCode = corrupt === 0 && lost === 0 ? 0 : 1;
}

await main();

// The child of the crash test: writes through the real core's Registry.dispatch (the path Electron
// IPC, the browser mode and the CLI share) or, with --role server/writer, through the browser
// mode's HTTP server (electron/server/server.ts) from a second process, and reports each write on stdout only after the core has
// answered, i.e. after the commit. On Linux, writes to a pipe from process.stdout are synchronous,
// so an "ack" line the parent reads was written after the commit returned: every acked write must
// survive a SIGKILL, with exactly the acked value.
//
// Protocol: one JSON object per line (a partial last line was never acknowledged).
//   {t:'opening'}                         about to take the lock and open (and migrate) the database
//   {t:'opened', ms}                      the core is open; ms = how long opening took
//   {t:'listening', port, token}          (server role) the browser mode's HTTP server is up
//   {t:'ready'}                           the writer has its meeting and starts the phase's work
//   {t:'try', key, value}                 a write is about to be sent (it may or may not commit);
//                                         key 'rec:new' / 'reply:new': a row whose id is not known yet
//   {t:'ack', key, value}                 the core answered: key now holds exactly value
//   {t:'begin', op} / {t:'end', op, ms}   a long operation (backup, restore, import, photo)
//   {t:'backup', file}                    a backup the core says it wrote
//   {t:'snapshot'}                        (restore phase) the state now is what the backup holds
//   {t:'restored'}                        (restore phase) the restore answered: state = snapshot
// Keys: rec:<id> → content; loc:<meetingId> → location; reply:<id> → linked recommendation id;
// photo:<id> → "caption|WxH"; import:<meetingId> → "title|number of recommendations".
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { createCore } from '../electron/core/app';
import { dbPathFor } from '../electron/core/db/open';
import { createWebServer } from '../electron/server/server';
import { TOKEN_HEADER } from '../electron/server/guard';
import type { Result } from '../electron/shared/result';

// Roles: 'dispatch' (default) opens the core and writes through Registry.dispatch in-process;
// 'server' opens the core and runs the browser mode's HTTP server, writing nothing itself;
// 'writer' writes to that server over HTTP with the token, as the browser page does.
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    seed: { type: 'string' },
    phase: { type: 'string' },
    sabotage: { type: 'boolean' },
    root: { type: 'string' },
    role: { type: 'string' },
    url: { type: 'string' },
    token: { type: 'string' },
  },
});
const role = values.role ?? 'dispatch';
const phase = values.phase ?? 'typing';
const seed = Number(values.seed ?? 1) >>> 0;
const root = values.root ?? process.cwd();
let rnd = seed;
const random = (): number => {
  rnd = (rnd + 0x6d2b79f5) >>> 0;
  let t = rnd;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const send = (msg: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(msg)}\n`);

function openCore() {
  send({ t: 'opening' });
  const t0 = performance.now();
  const core = createCore({ dataDir: values.data!, mode: role === 'server' ? 'web' : 'cli', log: () => {}, command: 'crash-child' });
  if (core.health.state !== 'ok') {
    // Writing now would go to the recovery placeholder: the parent must hear about it, not miss it.
    process.stderr.write(`the database did not open cleanly: ${core.health.message}\n`);
    process.exit(2);
  }
  send({ t: 'opened', ms: performance.now() - t0 });
  return core;
}

const core = role === 'writer' ? null : openCore();

/** One call through the app's transport; the answer has come back when it resolves. */
async function call<T = { id: number }>(channel: string, input: unknown): Promise<T> {
  let r: Result<unknown>;
  if (core) r = await core.registry.dispatch(channel, input);
  else {
    const res = await fetch(`${values.url}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: values.token! },
      body: JSON.stringify(input),
    });
    if (!res.ok) throw new Error(`${channel}: HTTP ${res.status} ${await res.text()}`);
    r = (await res.json()) as Result<unknown>;
  }
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

/** --sabotage only: a write behind the core's back (a second connection for the HTTP writer). */
function behindTheCore(sql: string, id: number): void {
  if (core) core.db.prepare(sql).run(id);
  else {
    const db = new Database(dbPathFor(values.data!));
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare(sql).run(id);
    } finally {
      db.close();
    }
  }
}

/** A write of `value` to `key`: announced, sent through dispatch, acknowledged after the answer. */
async function write(key: string, value: string, channel: string, input: unknown): Promise<void> {
  send({ t: 'try', key, value });
  await call(channel, input);
  send({ t: 'ack', key, value });
}

// Vietnamese text, typed one letter at a time; which letter comes next depends on the seed.
const TEXT = 'Đề nghị Quận sớm xử lý dứt điểm tình trạng ô nhiễm nguồn nước sông Pheo, nạo vét lòng sông và kè bờ. ';
const offset = seed % TEXT.length;

let meetingId = 0;
let location = '';

/** Types one new recommendation, `keys` keystrokes, each saved and acked; then maybe a reply. */
async function typeRec(keys: number, opts: { location?: boolean } = {}): Promise<number> {
  send({ t: 'try', key: 'rec:new', value: '' });
  const rec = await call('rec.create', { meetingId, phase: 'during', raisedByText: 'Đại biểu', content: '' });
  send({ t: 'ack', key: `rec:${rec.id}`, value: '' });
  let content = '';
  for (let i = 0; i < keys; i++) {
    content += TEXT[(offset + content.length) % TEXT.length];
    await write(`rec:${rec.id}`, content, 'rec.update', { id: rec.id, patch: { content } });
    if (opts.location && random() < 0.05) {
      const next = `${location}${String.fromCharCode(97 + Math.floor(random() * 26))}`;
      await write(`loc:${meetingId}`, next, 'meeting.update', { id: meetingId, patch: { location: next } });
      location = next;
    }
    // Typing speed with debounce: a save every few to few tens of milliseconds.
    await sleep(random() < 0.7 ? 2 + random() * 10 : 20 + random() * 40);
  }
  if (random() < 0.5) {
    send({ t: 'try', key: 'reply:new', value: String(rec.id) });
    const reply = await call('reply.create', { meetingId, content: 'Trả lời tại hội nghị', kind: 'on_spot', recommendationIds: [rec.id] });
    send({ t: 'ack', key: `reply:${reply.id}`, value: String(rec.id) });
  }
  return rec.id;
}

/** A long operation, bracketed so the parent can aim its kill inside it. */
async function op<T>(name: string, fn: () => Promise<T>): Promise<T> {
  send({ t: 'begin', op: name });
  const t = performance.now();
  const v = await fn();
  send({ t: 'end', op: name, ms: performance.now() - t });
  return v;
}

const few = () => 2 + Math.floor(random() * 5);

async function main(): Promise<void> {
  const records = phase === 'import' ? ['00-seed-bac-tu-liem-2019.json', '01-phuong-10-quan-4-2019.json', '06-chi-minh-thanh-nien-2025.json'].map((f) => readFileSync(path.join(root, 'tests', 'fixtures', 'records', f), 'utf8')) : [];
  // A photo with noise, so decoding and re-encoding it takes real work; small enough (~100 KB)
  // that 500 kills do not grow the database (and every backup of it) by hundreds of MB.
  const photo =
    phase === 'photo'
      ? (await sharp({ create: { width: 1000, height: 750, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 10 } } }).jpeg({ quality: 80 }).toBuffer()).toString('base64')
      : '';
  const meeting = await call('meeting.create', { fields: { title: `Kiểm thử mất điện ${seed}` } });
  meetingId = meeting.id;
  if (values.sabotage) {
    // Proves the checker compares content: the child types three letters (acked), then changes
    // the stored text behind the core's back, keeping its length. A length check would pass.
    const id = await typeRec(3);
    behindTheCore("UPDATE recommendations SET content = 'XXX' WHERE id = ?", id);
    if (phase === 'import') {
      // Proves the half-import check: a meeting imported whole, then one of its recommendations
      // taken away behind the core's back. Done before 'ready', so no kill can come first (a
      // sabotage inside the aimed import was skipped whenever the kill landed before it ended).
      const record = JSON.parse(records[0]!) as { meeting: { title: string }; recommendations: unknown[] };
      record.meeting.title = `Crash nhập ${record.recommendations.length} đề nghị #${seed}-0`;
      const m = await call<{ id: number }>('record.import', { json: JSON.stringify(record) });
      behindTheCore('DELETE FROM recommendations WHERE id = (SELECT max(id) FROM recommendations WHERE meeting_id = ?)', m.id);
    }
  }
  send({ t: 'ready' });
  for (let n = 1; ; n++) {
    if (phase === 'backup') {
      await typeRec(few());
      const b = await op('backup', () => call<{ fileName: string }>('backup.create', {}));
      send({ t: 'backup', file: b.fileName });
    } else if (phase === 'restore') {
      await typeRec(few());
      const b = await call<{ fileName: string }>('backup.create', {});
      send({ t: 'backup', file: b.fileName });
      send({ t: 'snapshot' });
      // Written after the backup, so the restore must take them away again.
      await typeRec(few());
      await op('restore', () => call('backup.restore', { fileName: b.fileName }));
      send({ t: 'restored' });
    } else if (phase === 'import') {
      await typeRec(few());
      const record = JSON.parse(records[n % records.length]!) as { meeting: { title: string }; recommendations: unknown[] };
      // The title says how many recommendations the meeting must have: the parent checks every
      // such meeting, acked or not, so a half-imported one is caught even if never acknowledged.
      const title = `Crash nhập ${record.recommendations.length} đề nghị #${seed}-${n}`;
      record.meeting.title = title;
      const m = await op('import', () => call('record.import', { json: JSON.stringify(record) }));
      send({ t: 'ack', key: `import:${m.id}`, value: `${title}|${record.recommendations.length}` });
    } else if (phase === 'photo') {
      await typeRec(few());
      const caption = `Ảnh kiểm thử ${seed}-${n}`;
      const p = await op('photo', () => call<{ id: number; width: number; height: number }>('photo.add', { meetingId, fileName: 'anh.jpg', dataBase64: photo, caption }));
      send({ t: 'ack', key: `photo:${p.id}`, value: `${caption}|${p.width}x${p.height}` });
    } else {
      await typeRec(20 + Math.floor(random() * 60), { location: true });
    }
  }
}

if (role === 'server' && core) {
  const token = randomBytes(24).toString('base64url');
  const server = createWebServer({ registry: core.registry, rendererDir: path.join(root, 'out', 'renderer'), token });
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    send({ t: 'listening', port: typeof addr === 'object' && addr ? addr.port : 0, token });
  });
} else {
  main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(3);
  });
}

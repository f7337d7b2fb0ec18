// npm run hub -- [--data DIR] [--port P] [--host H] [--trust-proxy]
//   Starts thuky-hub: PGlite in DIR (default ./hub-data) unless DATABASE_URL names a PostgreSQL
//   server; prints its address. GET /health answers {"ok":true,...}.
// npm run hub -- --create-admin [--username NAME] [--data DIR]
//   Creates an admin account; the password is asked for (or read from the first line of stdin).
// npm run hub -- --create-unit CODE --name "Phường Ba Đình" / --issue-key CODE
//   Adds a unit / issues a key for it from the command line (printed once).
// npm run hub -- --profile co-quan.json
//   The office that issues the hub's reports (the app's profile format, checked the same way).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openHub } from './hub';
import { createHubServer } from './server';
import { countAdmins, createUser } from './accounts';
import { HubError } from './hub-error';
import { createUnit, issueKey, listUnits } from './units';
import { setHubProfile } from './profile';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    data: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'trust-proxy': { type: 'boolean' },
    'create-admin': { type: 'boolean' },
    username: { type: 'string' },
    'create-unit': { type: 'string' },
    name: { type: 'string' },
    'issue-key': { type: 'string' },
    profile: { type: 'string' },
  },
});

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = path.resolve(values.data ?? process.env.THUKY_HUB_DATA ?? path.join(root, 'hub-data'));
const databaseUrl = process.env.DATABASE_URL || undefined;

function ask(question: string, hidden: boolean): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (hidden && process.stdin.isTTY) {
    // Typed characters are not echoed, as a password prompt should be.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stdout.write(s);
    };
  }
  return new Promise((resolve) =>
    rl.question(question, (a) => {
      rl.close();
      if (hidden && process.stdin.isTTY) process.stdout.write('\n');
      resolve(a);
    }),
  );
}

async function main(): Promise<void> {
  const db = await openHub({ dataDir, databaseUrl });
  const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite, thư mục ${dataDir}`;
  if (values['create-admin']) {
    const username = values.username ?? (await ask('Tên đăng nhập của quản trị: ', false));
    const password = await ask('Mật khẩu (ít nhất 10 ký tự): ', true);
    const u = await createUser(db, 'cli', { username, displayName: 'Quản trị', password, role: 'admin' });
    console.log(`Đã tạo tài khoản quản trị "${u.username}" (${where}). Số tài khoản quản trị: ${await countAdmins(db)}.`);
    return db.close();
  }
  if (values['create-unit']) {
    const u = await createUnit(db, 'cli', values['create-unit'], values.name ?? values['create-unit']);
    console.log(`Đã tạo đơn vị "${u.name}" (mã ${u.code}, số ${u.id}).`);
    return db.close();
  }
  if (values.profile) {
    const p = await setHubProfile(db, 'cli', JSON.parse(readFileSync(values.profile, 'utf8')));
    console.log(`Đã ghi cơ quan ban hành báo cáo: ${p.issuingBody}.`);
    return db.close();
  }
  if (values['issue-key']) {
    const unit = (await listUnits(db)).find((u) => u.code === values['issue-key']);
    if (!unit) throw new HubError(404, 'no_unit', `Không có đơn vị mã "${values['issue-key']}".`);
    const { key } = await issueKey(db, 'cli', unit.id, 'cấp từ dòng lệnh');
    console.log(`Khóa của ${unit.name} (chỉ hiện một lần, hãy chép vào Thiết lập của ứng dụng):\n${key}`);
    return db.close();
  }
  const server = createHubServer({ db, uiDir: path.join(root, 'out', 'hub-ui'), trustProxy: values['trust-proxy'] });
  const host = values.host ?? '127.0.0.1';
  const port = values.port === undefined ? 8787 : Number(values.port);
  server.listen(port, host, () => {
    const a = server.address();
    const p = typeof a === 'object' && a ? a.port : port;
    console.log(`thuky-hub đang chạy (${where}).`);
    console.log(`Địa chỉ: http://${host}:${p}/   Kiểm tra: http://${host}:${p}/health`);
  });
  const stop = (): void => {
    server.close();
    void db.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof HubError ? `Lỗi: ${e.message}` : e);
  process.exit(1);
});

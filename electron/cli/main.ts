// thuky: the command line over the same core and the same handler registration as the app.
//   thuky list [--data DIR] [--json]
//   thuky search QUERY [--data DIR] [--json]
//   thuky import FILE [--data DIR] [--json]
//   thuky export ID --format meeting|article|minutes|summary|notice|article-html|article-text --out PATH
//   thuky register [--status S]... [--overdue] [--json]  (electron/cli/register.ts)
//   thuky report --from YYYY-MM-DD --to YYYY-MM-DD [--kind quarter] --out F.docx|F.xlsx  (electron/cli/report.ts)
//   thuky import-record FILE.json [--data DIR] [--json]     (a meeting record v1/v2 → a meeting)
//   thuky profile --json | --set FILE.json                    (the office profile, for many laptops alike)
//   thuky backup | backups | restore FILE   (electron/cli/admin.ts)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Core } from '../core/app';
import { resolveDataDir } from '../core/data-dir';
import type { Channel, ChannelInput, ChannelOutput } from '../shared/contract';
import { UserError } from '../shared/result';
import { exportDocument, type DocExportFormat } from './export-docs';
import { REPORT_USAGE, runReport } from './report';
import { REGISTER_USAGE, runRegister } from './register';
import { ADMIN_COMMANDS, ADMIN_USAGE, openCliCore, readInputFile, runAdmin } from './admin';
import { LIMITS } from '../shared/limits';
import { RECORD_MAX_BYTES } from '../core/records/import';

/** UTF-8 text of a JSON file the user gave; a wrong file is a Vietnamese message, never a stack. */
function decodeRecordText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError('record_invalid', 'Tệp không phải văn bản UTF-8. Hãy chọn đúng tệp .json (lưu dạng UTF-8). Chưa có gì được ghi vào dữ liệu.');
  }
}

function parseJsonFile(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(decodeRecordText(bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('validation', `${what} không phải JSON hợp lệ. Hãy kiểm tra tệp (mở bằng trình soạn thảo văn bản). Chưa có gì được ghi.`);
  }
}

const USAGE = `Cách dùng: thuky <lệnh> [tham số] [--data THƯ_MỤC] [--json]
  list                          liệt kê các hội nghị
  search TỪ_KHÓA                tìm trong mọi hội nghị (gõ không dấu cũng được)
  import TỆP                    nhập một tệp hội nghị (.thukyhn), in mã hội nghị mới
  export MÃ --format meeting|article|minutes|summary|notice|article-html|article-text --out TỆP
${REPORT_USAGE}
${REGISTER_USAGE}
  import-record TỆP.json        nhập một bản ghi hội nghị (meeting-record v1/v2), in mã hội nghị mới
  profile [--json]              in thông tin cơ quan (tên, cấp, ký hiệu, kiểu trình bày)
  profile --set TỆP.json        ghi thông tin cơ quan từ tệp JSON (kiểm tra như màn hình Thiết lập)
${ADMIN_USAGE}`;

const FORMATS = ['meeting', 'article', 'minutes', 'summary', 'notice', 'article-html', 'article-text'] as const;
type Format = (typeof FORMATS)[number];

export type CliResult = { code: number; stdout: string; stderr: string };

async function call<C extends Channel>(core: Core, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await core.registry.dispatch(channel, input);
  if (!r.ok) throw new UserError(r.error.code, r.error.message);
  return r.value as ChannelOutput<C>;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        set: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        kind: { type: 'string' },
        status: { type: 'string', multiple: true },
        overdue: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return { code: 2, stdout: '', stderr: `${(e as Error).message}\n${USAGE}\n` };
  }
  const { values, positionals } = parsed;
  const [command, arg] = positionals;
  if (values.help || !command) return { code: values.help ? 0 : 2, stdout: values.help ? `${USAGE}\n` : '', stderr: values.help ? '' : `${USAGE}\n` };
  const json = values.json ?? false;
  const out = (value: unknown, text: string): CliResult => ({ code: 0, stdout: `${json ? JSON.stringify(value, null, 2) : text}\n`, stderr: '' });

  let core: Core | null = null;
  try {
    const dataDir = resolveDataDir(values.data, env);
    if (ADMIN_COMMANDS.has(command)) {
      const r = await runAdmin(dataDir, command, arg);
      return out(r.value, r.text);
    }
    core = openCliCore(dataDir, command);
    switch (command) {
      case 'list': {
        const list = await call(core, 'meeting.list', {});
        return out(list, list.map((m) => `${m.id}\t${m.date ?? '—'}\t${m.status}\t${m.title}`).join('\n') || 'Chưa có hội nghị nào.');
      }
      case 'search': {
        if (!arg) throw new UserError('usage', 'Hãy nhập từ khóa cần tìm, ví dụ: thuky search "song pheo"');
        const hits = await call(core, 'search.query', { query: arg });
        return out(hits, hits.map((h) => `${h.meetingId}\t${h.entity}#${h.entityId}\t${h.snippet}`).join('\n') || 'Không tìm thấy kết quả nào.');
      }
      case 'import': {
        if (!arg) throw new UserError('usage', 'Hãy chỉ ra tệp cần nhập, ví dụ: thuky import hoi-nghi.thukyhn');
        const bytes = readInputFile(arg, LIMITS.meetingFileBytes, 'Tệp hội nghị');
        const m = await call(core, 'meetingFile.import', { fileName: path.basename(arg), dataBase64: bytes.toString('base64') });
        return out({ id: m.id, title: m.title }, String(m.id));
      }
      case 'import-record': {
        if (!arg) throw new UserError('usage', 'Hãy chỉ ra tệp bản ghi cần nhập, ví dụ: thuky import-record hoi-nghi.json');
        const bytes = readInputFile(arg, RECORD_MAX_BYTES, 'Tệp bản ghi');
        const json = decodeRecordText(bytes);
        const m = await call(core, 'record.import', { json });
        return out({ id: m.id, title: m.title }, String(m.id));
      }
      case 'profile': {
        if (values.set) {
          const parsedJson = parseJsonFile(readInputFile(values.set, 1024 * 1024, 'Tệp thông tin cơ quan'), 'Tệp thông tin cơ quan');
          const saved = await call(core, 'profile.save', parsedJson as ChannelInput<'profile.save'>);
          return out(saved, `Đã lưu thông tin cơ quan: ${saved.issuingBody}`);
        }
        const p = await call(core, 'profile.get', {});
        if (!p) return out(null, 'Chưa có thông tin cơ quan. Ghi bằng: thuky profile --set co-quan.json');
        return out(p, JSON.stringify(p, null, 2));
      }
      case 'export': {
        const id = Number(arg);
        if (!Number.isInteger(id) || id <= 0) throw new UserError('usage', 'Hãy ghi mã hội nghị (một số), ví dụ: thuky export 1 --format minutes --out bien-ban.docx');
        const format = (values.format ?? 'meeting') as Format;
        if (!FORMATS.includes(format)) throw new UserError('usage', `Định dạng "${values.format}" không có. Chọn một trong: ${FORMATS.join(', ')}.`);
        if (!values.out) throw new UserError('usage', 'Hãy ghi tệp đầu ra bằng --out, ví dụ --out bien-ban.docx');
        const target = path.resolve(values.out);
        if (format === 'meeting') {
          const f = await call(core, 'meetingFile.export', { id });
          writeFileSync(target, Buffer.from(f.dataBase64, 'base64'));
        } else {
          await exportDocument(core, id, format as DocExportFormat, target);
        }
        return out({ id, format, out: target }, target);
      }
      case 'report': {
        const r = await runReport(core, { from: values.from, to: values.to, kind: values.kind, out: values.out });
        return out(r, r.out);
      }
      case 'register': {
        const r = await runRegister(core, { status: values.status, overdue: values.overdue });
        return out(r.value, r.text);
      }
      default:
        throw new UserError('usage', `Không có lệnh "${command}".\n${USAGE}`);
    }
  } catch (e) {
    const err = e instanceof UserError ? { code: e.code, message: e.message } : { code: 'internal', message: (e as Error).message };
    return { code: err.code === 'usage' ? 2 : 1, stdout: json ? `${JSON.stringify({ ok: false, error: err })}\n` : '', stderr: `Lỗi: ${err.message}\n` };
  } finally {
    core?.close();
  }
}

const isMain = process.argv[1] && /cli[\\/]main\.(ts|js|mjs)$/.test(process.argv[1]);
if (isMain) {
  const r = await runCli(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}

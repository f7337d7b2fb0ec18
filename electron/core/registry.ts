// The single dispatch path for every channel, used by Electron's IPC and by the browser-mode
// server alike: validate the input with the contract's schema, run the handler, and turn any
// failure into a Result with a Vietnamese message. Transport layers only add the sender check.
import { z } from 'zod';
import { contract, type Channel, type ChannelOutput, type ChannelParsed } from '../shared/contract';
import { UserError, type AppError, type Result } from '../shared/result';
import type { CoreContext } from './context';

export type Handler<C extends Channel> = (ctx: CoreContext, input: ChannelParsed<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type HandlerMap = { [C in Channel]: Handler<C> };
export type PartialHandlers = Partial<HandlerMap>;

export type Logger = (message: string, error?: unknown) => void;

export class Registry {
  private readonly handlers = new Map<Channel, Handler<Channel>>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly log: Logger = (m, e) => console.error(m, e),
  ) {}

  /** Adds a feature's handlers. A name registered twice, or not in the contract, is a programming error. */
  register(map: PartialHandlers): this {
    for (const [name, fn] of Object.entries(map) as [Channel, Handler<Channel>][]) {
      if (!(name in contract)) throw new Error(`Handler for unknown channel "${name}"`);
      if (this.handlers.has(name)) throw new Error(`Channel "${name}" registered twice`);
      this.handlers.set(name, fn);
    }
    return this;
  }

  channels(): Channel[] {
    return [...this.handlers.keys()];
  }

  /** Contract channels with no handler: empty once the app is fully wired (a test checks it). */
  missing(): Channel[] {
    return (Object.keys(contract) as Channel[]).filter((c) => !this.handlers.has(c));
  }

  async dispatch(name: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!Object.prototype.hasOwnProperty.call(contract, name) || !this.handlers.has(name as Channel))
      return { ok: false, error: { code: 'unknown_channel', message: 'Ứng dụng gửi một yêu cầu không hợp lệ. Hãy khởi động lại ứng dụng.' } };
    const channel = name as Channel;
    const parsed = contract[channel].input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    try {
      const value = await this.handlers.get(channel)!(this.ctx, parsed.data as never);
      return { ok: true, value: value ?? null };
    } catch (e) {
      return { ok: false, error: toAppError(e, channel, this.log) };
    }
  }
}

export function validationError(err: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = err.issues[0]?.message ?? 'Dữ liệu không hợp lệ.';
  return { code: 'validation', message: first, fields };
}

/** Maps failures to what the secretary can act on; programming errors get a generic message and a log line. */
export function toAppError(e: unknown, channel: string, log: Logger): AppError {
  if (e instanceof UserError) return e.fields ? { code: e.code, message: e.message, fields: e.fields } : { code: e.code, message: e.message };
  const code = (e as { code?: string })?.code ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return { code: 'disk_full', message: 'Ổ đĩa đã đầy nên chưa lưu được. Nội dung vẫn còn trên màn hình; hãy giải phóng dung lượng, ứng dụng sẽ tự lưu lại.' };
  if (code === 'SQLITE_READONLY' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR'))
    return { code: 'storage_unavailable', message: 'Không ghi được vào thư mục dữ liệu (ổ đĩa bị rút, chỉ đọc hoặc không có quyền). Nội dung vẫn còn trên màn hình; ứng dụng sẽ thử lưu lại.' };
  if (code === 'SQLITE_BUSY')
    return { code: 'busy', message: 'Dữ liệu đang bận, ứng dụng sẽ thử lưu lại ngay.' };
  log(`Unexpected error in ${channel}`, e);
  return { code: 'internal', message: 'Đã xảy ra lỗi ngoài dự kiến. Nội dung đang gõ vẫn còn trên màn hình; hãy thử lại, nếu vẫn lỗi hãy khởi động lại ứng dụng.' };
}

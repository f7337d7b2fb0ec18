// The single dispatch path for every channel, used by Electron's IPC and by the browser-mode
// server alike: validate the input with the contract's schema, run the handler, and turn any
// failure into a Result with a Vietnamese message. Transport layers only add the sender check.
import { contract, type Channel, type ChannelOutput, type ChannelParsed } from '../shared/contract';
import { UserError, type AppError, type Result } from '../shared/result';
import { validationError } from '../shared/validation';
import type { CoreContext } from './context';

export { validationError };

export type Handler<C extends Channel> = (ctx: CoreContext, input: ChannelParsed<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type HandlerMap = { [C in Channel]: Handler<C> };
/** One feature's handlers. Feature files write `{ … } satisfies PartialHandlers` (not a type
 *  annotation), so their type keeps the channels they handle for the completeness check. */
export type PartialHandlers = Partial<HandlerMap>;

type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** The feature maps merged into one type, as Actual Budget's `Handlers`. */
export type MergedHandlers<M extends readonly PartialHandlers[]> = Intersect<M[number]>;
/** The contract's channels none of the feature maps handles (`never` when the app is complete). */
export type UnhandledChannels<M extends readonly PartialHandlers[]> = Exclude<Channel, keyof MergedHandlers<M>>;
/** Passes when the merged maps satisfy HandlerMap; otherwise demands a property that names the
 *  channels left without a handler, so the compile error says which ones. */
export type CompleteCheck<M extends readonly PartialHandlers[]> = MergedHandlers<M> extends HandlerMap ? unknown : { channelsWithoutHandler: UnhandledChannels<M> };

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

  /**
   * Adds every feature's handlers at once. Between them they must handle every channel of the
   * contract: a missing one is a compile error here (CompleteCheck names it). At run time a
   * channel handled twice is refused; a gap that a cast slipped past shows in missing(), which a
   * contract test checks, and dispatch answers it with 'unknown_channel'.
   */
  registerAll<const M extends readonly PartialHandlers[]>(maps: M & CompleteCheck<M>): this {
    for (const map of maps) this.register(map);
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

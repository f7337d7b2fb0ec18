// The registry's dispatch path, branch by branch: which requests are refused as unknown, what a
// validation failure looks like, and which failure becomes which Vietnamese message (and which
// gets logged). Written against the mutants Stryker found in electron/core/registry.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Registry, toAppError } from '../../../electron/core/registry';
import { UserError } from '../../../electron/shared/result';
import { contract } from '../../../electron/shared/contract';
import { tempCore, type TestCore } from '../../helpers/core';

let core: TestCore;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => {
  core.dispose();
  vi.restoreAllMocks();
});

const UNKNOWN = { ok: false, error: { code: 'unknown_channel', message: 'Ứng dụng gửi một yêu cầu không hợp lệ. Hãy khởi động lại ứng dụng.' } };
const INFO = { version: '1', dataDir: 'd', dbPath: 'p', mode: 'web' as const };

const withError = (code: string): Error => Object.assign(new Error(code), { code });

describe('Registry.register', () => {
  it('refuses a channel the contract does not have, naming it', () => {
    const r = new Registry(core.ctx);
    expect(() => r.register({ 'evil.exec': () => null } as never)).toThrow('Handler for unknown channel "evil.exec"');
    expect(r.channels()).toEqual([]);
  });

  it('refuses a channel registered twice, naming it, and keeps the first handler', async () => {
    const r = new Registry(core.ctx);
    expect(r.register({ 'app.info': () => INFO })).toBe(r);
    expect(() => r.register({ 'app.info': () => ({ ...INFO, version: '2' }) })).toThrow('Channel "app.info" registered twice');
    expect(await r.dispatch('app.info', {})).toEqual({ ok: true, value: INFO });
  });

  it('lists registered channels in order, and the missing ones', () => {
    const r = new Registry(core.ctx).register({ 'app.info': () => INFO, 'meeting.list': () => [] });
    expect(r.channels()).toEqual(['app.info', 'meeting.list']);
    expect(r.missing()).not.toContain('app.info');
    expect(r.missing()).toContain('meeting.get');
    expect(r.missing().length + 2).toBe(Object.keys(contract).length);
  });
});

describe('Registry.dispatch', () => {
  it('answers unknown_channel for a name outside the contract, a prototype name, or a channel with no handler', async () => {
    const r = new Registry(core.ctx).register({ 'app.info': () => INFO });
    expect(await r.dispatch('evil.exec', {})).toEqual(UNKNOWN);
    expect(await r.dispatch('toString', {})).toEqual(UNKNOWN);
    expect(await r.dispatch('__proto__', {})).toEqual(UNKNOWN);
    expect(await r.dispatch('constructor', {})).toEqual(UNKNOWN);
    expect(await r.dispatch('meeting.list', {})).toEqual(UNKNOWN);
  });

  it('treats a missing input as {} and passes the parsed input (unknown keys dropped)', async () => {
    const seen: unknown[] = [];
    const r = new Registry(core.ctx).register({
      'app.info': () => INFO,
      'meeting.list': (_ctx, input) => {
        seen.push(input);
        return [];
      },
    });
    expect(await r.dispatch('app.info', undefined)).toEqual({ ok: true, value: INFO });
    expect(await r.dispatch('app.info', null)).toEqual({ ok: true, value: INFO });
    expect(await r.dispatch('meeting.list', { limit: 5, extra: 'x' })).toEqual({ ok: true, value: [] });
    expect(seen).toEqual([{ limit: 5 }]);
  });

  it('gives the handler the registry context', async () => {
    let ctxSeen: unknown = null;
    const r = new Registry(core.ctx).register({
      'app.info': (ctx) => {
        ctxSeen = ctx;
        return INFO;
      },
    });
    await r.dispatch('app.info', {});
    expect(ctxSeen).toBe(core.ctx);
  });

  it('refuses invalid input with the first message and one message per field, without calling the handler', async () => {
    let called = false;
    const r = new Registry(core.ctx).register({
      'meeting.list': () => {
        called = true;
        return [];
      },
    });
    const res = await r.dispatch('meeting.list', { limit: 0 });
    expect(called).toBe(false);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('validation');
    expect(Object.keys(res.error.fields ?? {})).toEqual(['limit']);
    expect(res.error.message).toBe(res.error.fields?.limit);
  });

  it('turns undefined into null, and awaits async handlers', async () => {
    const r = new Registry(core.ctx).register({
      'app.info': () => undefined as never,
      'meeting.list': async () => {
        await Promise.resolve();
        return [];
      },
    });
    expect(await r.dispatch('app.info', {})).toEqual({ ok: true, value: null });
    expect(await r.dispatch('meeting.list', {})).toEqual({ ok: true, value: [] });
  });

  it('maps a thrown or rejected error to a Result, and logs only the unexpected ones', async () => {
    const log = vi.fn();
    const r = new Registry(core.ctx, log).register({
      'app.info': () => {
        throw new UserError('not_found', 'Không tìm thấy.');
      },
      'meeting.list': () => Promise.reject(new Error('boom')),
    });
    expect(await r.dispatch('app.info', {})).toEqual({ ok: false, error: { code: 'not_found', message: 'Không tìm thấy.' } });
    expect(log).not.toHaveBeenCalled();
    const res = await r.dispatch('meeting.list', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toBe('Unexpected error in meeting.list');
    expect((log.mock.calls[0]?.[1] as Error).message).toBe('boom');
  });

  it('logs to console.error when no logger is given', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const r = new Registry(core.ctx).register({ 'meeting.list': () => Promise.reject(new Error('boom')) });
    await r.dispatch('meeting.list', {});
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toBe('Unexpected error in meeting.list');
  });
});

describe('toAppError', () => {
  const never = (): void => {
    throw new Error('must not log');
  };

  it('keeps a UserError as it is, fields only when it has them', () => {
    expect(toAppError(new UserError('locked', 'Đã khóa.'), 'c', never)).toEqual({ code: 'locked', message: 'Đã khóa.' });
    expect(Object.keys(toAppError(new UserError('locked', 'Đã khóa.'), 'c', never))).toEqual(['code', 'message']);
    expect(toAppError(new UserError('validation', 'Sai.', { title: 'Thiếu tên.' }), 'c', never)).toEqual({ code: 'validation', message: 'Sai.', fields: { title: 'Thiếu tên.' } });
  });

  it('a full disk', () => {
    for (const code of ['SQLITE_FULL', 'ENOSPC']) {
      const e = toAppError(withError(code), 'c', never);
      expect(e.code, code).toBe('disk_full');
      expect(e.message).toBe('Ổ đĩa đã đầy nên chưa lưu được. Nội dung vẫn còn trên màn hình; hãy giải phóng dung lượng, ứng dụng sẽ tự lưu lại.');
    }
  });

  it('a folder that cannot be written', () => {
    for (const code of ['SQLITE_READONLY', 'EROFS', 'EACCES', 'EPERM', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC']) {
      const e = toAppError(withError(code), 'c', never);
      expect(e.code, code).toBe('storage_unavailable');
      expect(e.message).toBe('Không ghi được vào thư mục dữ liệu (ổ đĩa bị rút, chỉ đọc hoặc không có quyền). Nội dung vẫn còn trên màn hình; ứng dụng sẽ thử lưu lại.');
    }
  });

  it('a busy database', () => {
    expect(toAppError(withError('SQLITE_BUSY'), 'c', never)).toEqual({ code: 'busy', message: 'Dữ liệu đang bận, ứng dụng sẽ thử lưu lại ngay.' });
  });

  it('anything else, even null or a code that only looks similar, is internal and logged', () => {
    for (const e of [new Error('x'), null, undefined, 'text', withError('SQLITE_CONSTRAINT'), withError('XSQLITE_IOERR'), withError('ENOSPC2')]) {
      const log = vi.fn();
      expect(toAppError(e, 'meeting.get', log)).toEqual({
        code: 'internal',
        message: 'Đã xảy ra lỗi ngoài dự kiến. Nội dung đang gõ vẫn còn trên màn hình; hãy thử lại, nếu vẫn lỗi hãy khởi động lại ứng dụng.',
      });
      expect(log).toHaveBeenCalledWith('Unexpected error in meeting.get', e);
    }
  });
});

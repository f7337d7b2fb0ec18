// thuky register --json [--status S] [--overdue]: the follow-up register over the same channel as
// the app's screen (register.query), for a script or a spreadsheet.
import type { Core } from '../core/app';
import type { RegisterPage } from '../shared/followup';
import { UserError } from '../shared/result';
import { viDate } from '../core/followup/dates';

export const REGISTER_USAGE = `  register [--status MÃ]... [--overdue] [--json]
                                sổ theo dõi kiến nghị (mọi hội nghị); --status lọc theo mã trạng thái
                                (lặp lại hoặc ngăn bằng dấu phẩy), --overdue chỉ những việc quá hạn`;

export type RegisterArgs = { status?: string[] | undefined; overdue?: boolean | undefined };

async function call<T>(core: Core, channel: 'followup.statuses' | 'register.query', input: object): Promise<T> {
  const r = await core.registry.dispatch(channel, input);
  if (!r.ok) throw new UserError(r.error.code, r.error.message);
  return r.value as T;
}

export async function runRegister(core: Core, args: RegisterArgs): Promise<{ value: RegisterPage; text: string }> {
  const wanted = (args.status ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  if (wanted.length) {
    const known = (await call<{ key: string }[]>(core, 'followup.statuses', {})).map((s) => s.key);
    const unknown = wanted.filter((s) => !known.includes(s));
    if (unknown.length) throw new UserError('usage', `Không có trạng thái "${unknown.join('", "')}". Các mã trạng thái: ${known.join(', ')}.`);
  }
  const page = await call<RegisterPage>(core, 'register.query', { ...(wanted.length ? { status: wanted } : {}), ...(args.overdue ? { overdue: true } : {}), limit: 100_000 });
  const lines = page.items.map((i) =>
    [i.meetingDate ? viDate(i.meetingDate) : '—', i.statusLabel, i.agency || '—', i.deadline ? `hạn ${viDate(i.deadline)}${i.overdue ? ' (quá hạn)' : ''}` : '—', i.shortPhrase || i.content].join('\t'),
  );
  return { value: page, text: page.total ? `${lines.join('\n')}\nTổng số: ${page.total}` : 'Không có kiến nghị nào khớp bộ lọc.' };
}

// Field schemas with Vietnamese messages, shared by the IPC contract and file imports.
import { z } from 'zod';
import { LIMITS } from './limits';

// Messages zod writes itself (a wrong enum value, a missing field) come out in Vietnamese too;
// the fields below carry their own, more specific wording.
z.config(z.locales.vi());

const nf = new Intl.NumberFormat('vi-VN');

/** Free text of at most `max` characters, NFC-normalised (Unikey may send combining marks). */
export const text = (label: string, max: number = LIMITS.shortText) =>
  z
    .string({ error: `${label}: cần là văn bản.` })
    .max(max, { error: (iss) => `${label} quá dài: tối đa ${nf.format(max)} ký tự, hiện có ${nf.format((iss.input as string).length)}. Hãy rút gọn hoặc chia thành nhiều mục.` })
    .transform((s) => s.normalize('NFC'));

/** Like `text`, but must not be blank. */
export const requiredText = (label: string, max: number = LIMITS.shortText) =>
  text(label, max).refine((s) => s.trim().length > 0, { error: `${label} không được để trống.` });

export const id = (label = 'Mã') => z.number({ error: `${label} không hợp lệ.` }).int({ error: `${label} không hợp lệ.` }).positive({ error: `${label} không hợp lệ.` });

/** A real calendar date, YYYY-MM-DD (31/02 is refused). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A 24-hour time HH:MM (25:00 is refused). */
export function isRealTime(s: string): boolean {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  return !!m && Number(m[1]) <= 23 && Number(m[2]) <= 59;
}

export const isoDate = (label: string) =>
  z.string().refine(isRealDate, { error: `${label} không có thật hoặc sai dạng (cần ngày/tháng/năm có thật, ví dụ 18/10/2019).` });

export const hhmm = (label: string) =>
  z.string().refine(isRealTime, { error: `${label} không hợp lệ (cần giờ:phút từ 00:00 đến 23:59, ví dụ 14:00).` });

export const titles = z.array(text('Chức danh')).max(20, { error: 'Tối đa 20 chức danh cho một người.' });

export const directions = z.array(text('Chỉ đạo', LIMITS.longText)).max(200, { error: 'Tối đa 200 ý chỉ đạo.' });

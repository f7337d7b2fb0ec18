// The follow-up register's input schemas (the contract's channels and the CLI use them). Apart
// from followup.ts so that the renderer, which needs the types and the default statuses, does
// not bundle zod.
import { z } from 'zod';
import { id, isoDate, requiredText, text } from './schemas';
import { LIMITS } from './limits';
import { PERIOD_KINDS, STATUS_CATEGORIES } from './followup';

const statusKey = z.string().regex(/^[a-z0-9_]{1,40}$/, { error: 'Mã trạng thái chỉ gồm chữ thường không dấu, số và dấu gạch dưới (tối đa 40 ký tự).' });
const uid = (label: string) => z.string().regex(/^[0-9a-f-]{8,64}$/i, { error: `${label} không hợp lệ.` });

export const FollowupStatusSchema = z.object({
  key: statusKey,
  label: requiredText('Tên trạng thái', 200),
  category: z.enum(STATUS_CATEGORIES, { error: 'Loại trạng thái cần là đang giải quyết, đã giải quyết hoặc chưa giải quyết được.' }),
  answered: z.boolean(),
  sortOrder: z.number().int().min(0).max(10_000),
  active: z.boolean(),
});

export const AgencyInput = z.object({
  id: id('Cơ quan').optional(),
  name: requiredText('Tên cơ quan, đơn vị', 300),
  active: z.boolean().default(true),
});

export const RegisterFilterSchema = z.object({
  status: z.array(statusKey).max(50).optional(),
  agency: text('Cơ quan', 300).optional(),
  topic: text('Lĩnh vực', 300).optional(),
  meetingId: id('Hội nghị').optional(),
  from: isoDate('Từ ngày').optional(),
  to: isoDate('Đến ngày').optional(),
  dueWithinDays: z.number().int().min(0).max(3_650).optional(),
  overdue: z.boolean().optional(),
  query: text('Từ khóa', LIMITS.query).optional(),
  today: isoDate('Ngày hôm nay').optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
  offset: z.number().int().min(0).optional(),
});

export const AnswerDocumentInput = z.object({
  number: text('Số, ký hiệu văn bản trả lời', 100),
  date: isoDate('Ngày văn bản trả lời').nullable(),
  /** A new file to attach (base64), or none to keep the one attached. */
  file: z.object({ fileName: requiredText('Tên tệp', 255), dataBase64: z.string().max(Math.ceil((20 * 1024 * 1024 * 4) / 3) + 4, { error: 'Tệp văn bản trả lời quá lớn (tối đa 20 MB).' }) }).optional(),
});

/** One change to an item: each field given becomes one event, all in one transaction. */
export const RegisterChangeSchema = z.object({
  uid: uid('Mục theo dõi'),
  status: statusKey.optional(),
  agency: text('Cơ quan', 300).optional(),
  deadline: isoDate('Thời hạn').nullable().optional(),
  document: AnswerDocumentInput.optional(),
  note: text('Ghi chú', 2_000).default(''),
});

/** The chair's conclusion as tasks: each direction assigned to an agency with a deadline. */
export const NoticeTasksSchema = z.object({
  meetingId: id('Hội nghị'),
  tasks: z
    .array(z.object({ uid: uid('Nhiệm vụ').optional(), content: requiredText('Nội dung nhiệm vụ', LIMITS.longText), agency: text('Cơ quan', 300), deadline: isoDate('Thời hạn').nullable() }))
    .max(200, { error: 'Tối đa 200 nhiệm vụ trong một thông báo kết luận.' }),
});

export const PeriodSchema = z
  .object({ from: isoDate('Từ ngày'), to: isoDate('Đến ngày'), kind: z.enum(PERIOD_KINDS).default('custom') })
  .refine((p) => p.from <= p.to, { error: 'Từ ngày phải trước hoặc bằng đến ngày.' });


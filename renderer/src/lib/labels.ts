// Vietnamese labels for values the core stores as codes.

export const BACKUP_REASON_LABELS: Record<string, string> = {
  start: 'Khi mở ứng dụng',
  open: 'Khi bắt đầu hội nghị',
  close: 'Khi kết thúc / chốt biên bản',
  periodic: 'Định kỳ 10 phút',
  manual: 'Tạo bằng tay',
  'before-restore': 'Dữ liệu trước khi khôi phục',
  damaged: 'Tệp hỏng được giữ lại',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  meeting: 'Hội nghị',
  attendee: 'Đại biểu',
  group: 'Thành phần',
  speech: 'Phát biểu',
  recommendation: 'Kiến nghị',
  reply: 'Trả lời',
  photo: 'Ảnh',
  document: 'Văn bản',
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: 'thêm',
  update: 'sửa',
  remove: 'xóa',
  restore: 'hoàn tác xóa',
  reorder: 'sắp xếp',
  status: 'đổi trạng thái',
  lock: 'chốt biên bản',
  unlock: 'mở khóa',
  import: 'nhập từ tệp',
  generate: 'tạo văn bản',
  sample: 'nạp hội nghị mẫu',
  purge: 'xóa hẳn',
};

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  return `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

/** Days a deleted meeting stays in the trash; the same number as the core's TRASH_DAYS (a unit test checks). */
export const TRASH_DAYS = 30;

/** The title of a copy: never the same as an existing one ("… (bản sao)", "… (bản sao 2)"). */
export function copyTitle(title: string, existing: readonly string[]): string {
  const base = (title.trim() || 'Hội nghị đối thoại').replace(/ \(bản sao(?: \d+)?\)$/, '');
  const taken = new Set(existing.map((t) => t.trim()));
  for (let n = 1; ; n++) {
    const t = `${base} (bản sao${n > 1 ? ` ${n}` : ''})`;
    if (!taken.has(t)) return t;
  }
}

/** What a search hit was found in, as a user names it. */
export const SEARCH_ENTITY_LABELS: Record<'meeting' | 'recommendation' | 'reply' | 'speech' | 'attendee', string> = {
  meeting: 'Thông tin hội nghị',
  attendee: 'Đại biểu',
  speech: 'Báo cáo, phát biểu',
  recommendation: 'Kiến nghị',
  reply: 'Ý kiến trả lời',
};

const foldChar = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/**
 * The snippet cut into plain and matching parts, the words typed with or without marks ("song
 * pheo" marks "sông Pheo"). Folding is done per character so positions hold in the original.
 */
export function highlight(snippet: string, query: string): { text: string; match: boolean }[] {
  const words = foldChar(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const chars = [...snippet];
  const folded = chars.map((c) => foldChar(c.normalize('NFC')));
  const flat = folded.join('');
  // Map each folded offset back to its character.
  const owner: number[] = [];
  folded.forEach((f, i) => {
    for (let k = 0; k < f.length; k++) owner.push(i);
  });
  const on = new Array<boolean>(chars.length).fill(false);
  for (const w of words) {
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])(${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'gu');
    for (let m = re.exec(flat); m; m = re.exec(flat)) {
      const from = m.index + m[1].length;
      for (let k = from; k < from + m[2].length; k++) on[owner[k]] = true;
    }
  }
  const parts: { text: string; match: boolean }[] = [];
  chars.forEach((c, i) => {
    const last = parts[parts.length - 1];
    if (last && last.match === on[i]) last.text += c;
    else parts.push({ text: c, match: on[i] });
  });
  return parts;
}

/** Names of the stored fields, as the screens label them, for the change log. */
export const FIELD_LABELS: Record<string, string> = {
  title: 'tên hội nghị',
  kind: 'loại',
  organizer: 'đơn vị tổ chức',
  audience: 'đối tượng đối thoại',
  locality: 'địa bàn',
  location: 'địa điểm',
  date: 'ngày họp',
  startTime: 'giờ bắt đầu',
  endTime: 'giờ kết thúc',
  secretary: 'thư ký',
  docNumber: 'số biên bản',
  fullName: 'họ tên',
  titles: 'chức danh',
  organization: 'đơn vị',
  role: 'vai trò',
  presence: 'điểm danh',
  sortOrder: 'thứ tự',
  text: 'nội dung',
  speakerAttendeeId: 'người phát biểu',
  speakerText: 'người phát biểu',
  at: 'thời điểm',
  summary: 'nội dung',
  directions: 'các ý chỉ đạo',
  phase: 'thời điểm nhận',
  raisedByAttendeeId: 'người kiến nghị',
  raisedByText: 'người kiến nghị',
  raisedAt: 'thời điểm',
  unit: 'đơn vị / địa chỉ',
  topic: 'lĩnh vực',
  content: 'nội dung',
  shortPhrase: 'cụm tóm tắt',
  inArticle: 'nêu trong tin bài',
  responderAttendeeId: 'người trả lời',
  responderText: 'người trả lời',
  repliedAt: 'thời điểm',
  agency: 'đơn vị giải quyết',
  deadline: 'thời hạn',
  recommendationIds: 'kiến nghị được trả lời',
  caption: 'chú thích',
  event: 'nhóm ảnh',
  purpose: 'mục đích',
  legalBasis: 'căn cứ',
  headline: 'tiêu đề tin bài',
  session: 'buổi',
  compiledBy: 'người tổng hợp',
  attendance: 'thành phần dự',
  counts: 'số liệu',
  byline: 'tác giả tin bài',
  publishedAt: 'ngày đăng',
};

export const STATUS_LABELS: Record<string, string> = { draft: 'đang chuẩn bị', live: 'đang diễn ra', closed: 'đã kết thúc' };
export const DOC_KIND_LABELS: Record<string, string> = { article: 'tin bài', minutes: 'biên bản', summary: 'bảng tổng hợp' };

/**
 * The change log's "Chi tiết" column in Vietnamese. The core stores codes (field names, a status,
 * a document kind); a code this screen does not know is shown as "(khác)" rather than in English.
 */
export function auditDetail(e: { entity: string; action: string; detail: string }): string {
  const d = e.detail.trim();
  if (!d) return '';
  if (e.action === 'status') return STATUS_LABELS[d] ?? d;
  if (e.entity === 'document') return DOC_KIND_LABELS[d] ?? d;
  if (e.action === 'update' && /^[a-zA-Z]+(, [a-zA-Z]+)*$/.test(d)) {
    const names = d.split(', ').map((k) => FIELD_LABELS[k] ?? '(mục khác)');
    return [...new Set(names)].join(', ');
  }
  return d;
}

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

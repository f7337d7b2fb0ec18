// Numbers the help page states about backups. The renderer cannot import the core (Node code), so
// they are repeated here, and tests/unit/help-facts.test.ts fails if they drift from the core's
// own constants (electron/core/backup/backups.ts and scheduler.ts).
export const HELP_FACTS = {
  /** Newest backups always kept. */
  keepLatest: 20,
  /** One backup per day is kept for this many days. */
  keepDays: 30,
  /** Minutes between backups during a live meeting (when something changed). */
  periodicMinutes: 10,
  /** The backups' folder inside the data folder. */
  backupDir: 'backups',
  /** The database file's name. */
  dbFile: 'thuky.sqlite3',
  /** The meeting file's extension. */
  meetingFileExt: '.thukyhn',
  /** The hall recordings' folder inside the data folder (electron/core/audio/store.ts). */
  audioDir: 'audio',
  /** Where a deleted recording waits for "Hoàn tác", inside the recordings' folder. */
  audioTrashDir: '.trash',
  /** Home counts register items due within this many days (electron/core/followup/register.ts). */
  dueSoonDays: 7,
  /** The app tries to send to the province's server this often, in minutes (electron/core/hub/sync.ts). */
  hubTickMinutes: 1,
} as const;

/**
 * The keys of "Theo dõi kiến nghị", as the help page lists them. The register screen's handler
 * lives inside its component, so tests/unit/help-facts.test.ts reads that code and fails if a key
 * here is not handled there, or a key handled there is missing here.
 */
export type RegisterHelpKey = { id: string; keys: string[]; label: string };

export const REGISTER_HELP_KEYS: RegisterHelpKey[] = [
  { id: 'search', keys: ['/', 'Control+F'], label: 'Đến ô tìm kiếm (phím / khi con trỏ không ở trong ô chữ)' },
  { id: 'list', keys: ['Alt+L'], label: 'Về danh sách kiến nghị' },
  { id: 'move', keys: ['ArrowUp', 'ArrowDown'], label: 'Trong danh sách: chọn kiến nghị trên, dưới (PgUp, PgDn, Home, End để đi xa hơn)' },
  { id: 'open', keys: ['Enter'], label: 'Trong danh sách: mở kiến nghị đang chọn để cập nhật, con trỏ vào ô Trạng thái' },
  { id: 'status', keys: ['Alt+T'], label: 'Đến ô Trạng thái của kiến nghị đang chọn' },
  { id: 'agency', keys: ['Alt+C'], label: 'Đến ô Cơ quan giải quyết' },
  { id: 'deadline', keys: ['Alt+H'], label: 'Đến ô Thời hạn' },
  { id: 'document', keys: ['Alt+V'], label: 'Đến ô số văn bản trả lời' },
  { id: 'note', keys: ['Alt+G'], label: 'Đến ô Ghi chú' },
  { id: 'save', keys: ['Control+Enter'], label: 'Ghi thay đổi vào lịch sử' },
  { id: 'back', keys: ['Escape'], label: 'Về danh sách' },
  { id: 'overdue', keys: ['Alt+Q'], label: 'Bật, tắt bộ lọc “quá hạn”' },
  { id: 'report', keys: ['Alt+B'], label: 'Mở báo cáo kết quả giải quyết theo kỳ' },
];

/** "C:\Users\…\Thư ký Hội nghị" + "backups", with the separator the folder already uses. */
export function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

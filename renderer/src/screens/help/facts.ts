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
} as const;

/** "C:\Users\…\Thư ký Hội nghị" + "backups", with the separator the folder already uses. */
export function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

// The help page states how backups are kept; these are the core's numbers, not a copy that drifts.
import { describe, expect, it } from 'vitest';
import { HELP_FACTS, joinPath } from '../../renderer/src/screens/help/facts';
import { BACKUP_DIR, KEEP_DAYS, KEEP_LATEST } from '../../electron/core/backup/backups';
import { PERIODIC_MS } from '../../electron/core/backup/scheduler';
import { DB_FILE_NAME } from '../../electron/core/db/open';

describe('help page facts', () => {
  it('match the core', () => {
    expect(HELP_FACTS.keepLatest).toBe(KEEP_LATEST);
    expect(HELP_FACTS.keepDays).toBe(KEEP_DAYS);
    expect(HELP_FACTS.periodicMinutes * 60_000).toBe(PERIODIC_MS);
    expect(HELP_FACTS.backupDir).toBe(BACKUP_DIR);
    expect(HELP_FACTS.dbFile).toBe(DB_FILE_NAME);
  });

  it('joins the backups folder with the separator the data folder uses', () => {
    expect(joinPath('C:\\Users\\Hà\\AppData\\Roaming\\Thư ký Hội nghị', 'backups')).toBe('C:\\Users\\Hà\\AppData\\Roaming\\Thư ký Hội nghị\\backups');
    expect(joinPath('/home/ha/.config/Thư ký Hội nghị', 'backups')).toBe('/home/ha/.config/Thư ký Hội nghị/backups');
    expect(joinPath('/tmp/x/', 'backups')).toBe('/tmp/x/backups');
  });
});

// The help page states how backups are kept, where the hall's sound is, how often the province's
// server is tried, and which keys do what; these are checked against the code that does it, not a
// copy that drifts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELP_FACTS, REGISTER_HELP_KEYS, joinPath } from '../../renderer/src/screens/help/facts';
import { BACKUP_DIR, KEEP_DAYS, KEEP_LATEST } from '../../electron/core/backup/backups';
import { PERIODIC_MS } from '../../electron/core/backup/scheduler';
import { DB_FILE_NAME } from '../../electron/core/db/open';
import { AUDIO_DIR } from '../../electron/core/audio/store';
import { DEFAULT_DUE_SOON_DAYS } from '../../electron/core/followup/register';
import { PROJECTOR_KEYS, matchProjectorKey } from '../../electron/shared/timer';
import { AUDIO_KEYS, matchAudioKey } from '../../renderer/src/audio/keys';

const src = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

/** "Alt+,", "Shift+F8" or "Alt+H" as the key event a keyboard sends. */
function press(combo: string) {
  const parts = combo.split('+');
  const key = combo.endsWith('++') ? '+' : (parts.at(-1) ?? '');
  const mods = new Set(parts.slice(0, -1));
  const code = /^[A-Z]$/.test(key) ? `Key${key}` : ({ ',': 'Comma', '.': 'Period' } as Record<string, string>)[key] ?? key;
  return {
    key: /^[A-Z]$/.test(key) ? key.toLowerCase() : key,
    code,
    altKey: mods.has('Alt'),
    ctrlKey: mods.has('Control'),
    metaKey: false,
    shiftKey: mods.has('Shift'),
    isComposing: false,
    keyCode: 0,
  };
}

describe('help page facts', () => {
  it('match the core', () => {
    expect(HELP_FACTS.keepLatest).toBe(KEEP_LATEST);
    expect(HELP_FACTS.keepDays).toBe(KEEP_DAYS);
    expect(HELP_FACTS.periodicMinutes * 60_000).toBe(PERIODIC_MS);
    expect(HELP_FACTS.backupDir).toBe(BACKUP_DIR);
    expect(HELP_FACTS.dbFile).toBe(DB_FILE_NAME);
    expect(HELP_FACTS.audioDir).toBe(AUDIO_DIR);
    expect(HELP_FACTS.dueSoonDays).toBe(DEFAULT_DUE_SOON_DAYS);
  });

  it('name the trash folder and the sending interval the core uses', () => {
    expect(src('electron/core/audio/store.ts')).toContain(`const TRASH_DIR = '${HELP_FACTS.audioTrashDir}';`);
    const tick = /export function startHubSync\(.*\btickMs = ([\d_]+)\)/.exec(src('electron/core/hub/sync.ts'));
    expect(Number(tick?.[1]?.replaceAll('_', ''))).toBe(HELP_FACTS.hubTickMinutes * 60_000);
  });

  it('list projector and recording keys that their matchers answer to', () => {
    // The help page draws these tables from the same lists; the lists must match what is pressed.
    expect(PROJECTOR_KEYS.map((k) => k.keys.join(' '))).toEqual(['Alt+H', 'Alt+C', 'Alt+G', 'F8', 'Shift+F8']);
    for (const k of PROJECTOR_KEYS) for (const combo of k.keys) expect(matchProjectorKey(press(combo)), combo).toBe(k.id);
    expect(AUDIO_KEYS.map((k) => k.keys.join(' '))).toEqual(['Alt+R', 'Alt+V', 'F9', 'Alt+,', 'Alt+.']);
    for (const k of AUDIO_KEYS) for (const combo of k.keys) expect(matchAudioKey(press(combo)), combo).toBe(k.id);
  });

  describe('register keys', () => {
    const screen = src('renderer/src/screens/register/RegisterScreen.tsx');
    const panel = src('renderer/src/screens/register/ItemPanel.tsx');
    const handler = screen.slice(screen.indexOf('keysRef.current = '), screen.indexOf('const onListKey'));
    const listKeys = screen.slice(screen.indexOf('const onListKey'), screen.indexOf('async function exportXlsx'));
    const fieldKeys = Object.fromEntries([...(/const FIELD_KEYS[^=]*=\s*\{([^}]*)\}/.exec(screen)?.[1] ?? '').matchAll(/(Key\w):\s*'([\w-]+)'/g)].map((m) => [m[1], m[2]]));
    const helpKey = (id: string) => REGISTER_HELP_KEYS.find((k) => k.id === id)?.keys ?? [];
    const altCode = (combo: string) => `Key${combo.replace('Alt+', '')}`;

    it('send each Alt+letter to the field the help names', () => {
      expect(handler).toContain('const alt = e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;');
      const fieldOf: Record<string, string> = { status: 'reg-f-status', agency: 'reg-f-agency', deadline: 'reg-f-deadline', document: 'reg-f-docnumber', note: 'reg-f-note' };
      for (const [id, field] of Object.entries(fieldOf)) {
        const [combo] = helpKey(id);
        expect(combo, id).toMatch(/^Alt\+[A-Z]$/);
        expect(fieldKeys[altCode(combo ?? '')], id).toBe(field);
      }
    });

    it('do what the help says for Alt+Q, Alt+B and Alt+L', () => {
      const actions: Record<string, string> = { overdue: 'overdue: !f.overdue', report: 'setReportOpen(true)', list: 'focusList()' };
      for (const [id, marker] of Object.entries(actions)) {
        const code = altCode(helpKey(id)[0] ?? '');
        const branch = new RegExp(`alt && e\\.code === '${code}'\\)\\s*\\{[^}]*${marker.replace(/[()!]/g, '\\$&')}`);
        expect(handler, id).toMatch(branch);
      }
    });

    it('list every Alt key the screen handles, and no other', () => {
      const handled = new Set([...Object.keys(fieldKeys), ...[...handler.matchAll(/e\.code === '(Key\w)'/g)].map((m) => m[1] ?? '')]);
      const listed = new Set(REGISTER_HELP_KEYS.flatMap((k) => k.keys).filter((c) => c.startsWith('Alt+')).map(altCode));
      expect([...listed].sort()).toEqual([...handled].sort());
    });

    it('search with / and Ctrl+F, move with the arrows, open with Enter, record with Ctrl+Enter, leave with Esc', () => {
      expect(helpKey('search')).toEqual(['/', 'Control+F']);
      expect(handler).toMatch(/e\.key === '\/' && !inText[^}]*e\.key\.toLowerCase\(\) === 'f' && e\.ctrlKey[^}]*searchRef\.current\?\.focus\(\)/);
      expect(helpKey('move')).toEqual(['ArrowUp', 'ArrowDown']);
      expect(listKeys).toMatch(/ArrowDown: 1, ArrowUp: -1/);
      expect(helpKey('open')).toEqual(['Enter']);
      expect(listKeys).toMatch(/e\.key === 'Enter' && current\)[^}]*waitFor\('reg-f-status'/);
      expect(helpKey('save')).toEqual(['Control+Enter']);
      expect(panel).toMatch(/e\.key === 'Enter' && \(e\.ctrlKey \|\| e\.metaKey\)\)\s*\{[^}]*submit\(\)/);
      expect(helpKey('back')).toEqual(['Escape']);
      expect(panel).toMatch(/e\.key === 'Escape'\)\s*\{[^}]*onBack\(\)/);
    });
  });

  it('joins the backups folder with the separator the data folder uses', () => {
    expect(joinPath('C:\\Users\\Hà\\AppData\\Roaming\\Thư ký Hội nghị', 'backups')).toBe('C:\\Users\\Hà\\AppData\\Roaming\\Thư ký Hội nghị\\backups');
    expect(joinPath('/home/ha/.config/Thư ký Hội nghị', 'backups')).toBe('/home/ha/.config/Thư ký Hội nghị/backups');
    expect(joinPath('/tmp/x/', 'backups')).toBe('/tmp/x/backups');
  });
});

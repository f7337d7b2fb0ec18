import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { contextMenuTemplate, menuTemplate, type MenuActions } from '../../../electron/main/menu';

const actions = (): MenuActions => ({ openDataFolder: vi.fn(), openHelp: vi.fn(), showAbout: vi.fn() });
const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  Array.isArray(item?.submenu) ? item.submenu : [];
const roles = (items: MenuItemConstructorOptions[]): string[] => items.flatMap((i) => (i.role ? [i.role] : []));

describe('application menu', () => {
  it('has Vietnamese top-level menus Tệp, Sửa, Xem, Trợ giúp on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const t = menuTemplate({ platform, isDev: false, actions: actions() });
      expect(t.map((m) => m.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
    }
  });

  it('keeps the standard edit roles that text fields and Vietnamese typing rely on', () => {
    const edit = submenu(menuTemplate({ platform: 'win32', isDev: false, actions: actions() }).find((m) => m.label === 'Sửa'));
    expect(roles(edit)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    for (const item of edit) if (item.type !== 'separator') expect(item.label, item.role).toMatch(/\S/);
    // No custom accelerators that could capture Backspace or Ctrl combinations Unikey uses.
    expect(edit.some((i) => 'accelerator' in i)).toBe(false);
  });

  it('offers reload and DevTools only in development', () => {
    const prod = roles(submenu(menuTemplate({ platform: 'linux', isDev: false, actions: actions() }).find((m) => m.label === 'Xem')));
    const dev = roles(submenu(menuTemplate({ platform: 'linux', isDev: true, actions: actions() }).find((m) => m.label === 'Xem')));
    expect(prod).not.toContain('reload');
    expect(prod).not.toContain('toggleDevTools');
    expect(prod).not.toContain('forceReload');
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('wires the custom items to the given actions', () => {
    const a = actions();
    const t = menuTemplate({ platform: 'win32', isDev: false, actions: a });
    const click = (menu: string, label: RegExp): void => {
      const item = submenu(t.find((m) => m.label === menu)).find((i) => label.test(i.label ?? ''));
      expect(item, `${menu} › ${label}`).toBeDefined();
      (item!.click as () => void)();
    };
    click('Tệp', /thư mục dữ liệu/);
    click('Trợ giúp', /Hướng dẫn/);
    click('Trợ giúp', /Giới thiệu/);
    expect(a.openDataFolder).toHaveBeenCalledOnce();
    expect(a.openHelp).toHaveBeenCalledOnce();
    expect(a.showAbout).toHaveBeenCalledOnce();
  });

  it('follows macOS conventions: app menu first, window menu, close instead of quit in Tệp', () => {
    const t = menuTemplate({ platform: 'darwin', isDev: false, actions: actions() });
    expect(t[0]?.role).toBe('appMenu');
    expect(t.some((m) => m.role === 'windowMenu')).toBe(true);
    expect(roles(submenu(t.find((m) => m.label === 'Tệp')))).toContain('close');
  });
});

describe('right-click menu', () => {
  const flags = { canUndo: true, canRedo: false, canCut: true, canCopy: true, canPaste: true, canSelectAll: true };

  it('offers cut/copy/paste in a text field, enabled as Chromium reports', () => {
    const t = contextMenuTemplate({ isEditable: true, selectionText: '', editFlags: flags });
    expect(roles(t)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(t.find((i) => i.role === 'redo')?.enabled).toBe(false);
  });

  it('offers copy for selected text elsewhere, and nothing otherwise', () => {
    expect(roles(contextMenuTemplate({ isEditable: false, selectionText: 'Hội nghị', editFlags: flags }))).toEqual(['copy']);
    expect(contextMenuTemplate({ isEditable: false, selectionText: '  ', editFlags: flags })).toEqual([]);
  });
});

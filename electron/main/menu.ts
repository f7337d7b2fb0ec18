// The Vietnamese application menu as a pure template. The Edit menu keeps Electron's standard
// roles: on macOS, copy/paste/undo only reach text fields through a menu item with that role,
// and Unikey/EVKey users rely on Ctrl+Z and Ctrl+A behaving exactly as in any other app.
import type { MenuItemConstructorOptions } from 'electron';
import { APP_TITLE } from './window-options';

export type MenuActions = {
  openDataFolder: () => void;
  openHelp: () => void;
  showAbout: () => void;
};

export type MenuOptions = {
  platform: NodeJS.Platform;
  /** Reload and DevTools exist only in development: a reload could drop the last keystrokes. */
  isDev: boolean;
  actions: MenuActions;
};

export function menuTemplate({ platform, isDev, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: 'Tệp',
    submenu: [
      { label: 'Mở thư mục dữ liệu', click: () => actions.openDataFolder() },
      { type: 'separator' },
      isMac ? { role: 'close', label: 'Đóng cửa sổ' } : { role: 'quit', label: 'Thoát' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Sửa',
    submenu: [
      { role: 'undo', label: 'Hoàn tác' },
      { role: 'redo', label: 'Làm lại' },
      { type: 'separator' },
      { role: 'cut', label: 'Cắt' },
      { role: 'copy', label: 'Sao chép' },
      { role: 'paste', label: 'Dán' },
      { role: 'pasteAndMatchStyle', label: 'Dán dạng chữ thuần' },
      { role: 'delete', label: 'Xóa' },
      { type: 'separator' },
      { role: 'selectAll', label: 'Chọn tất cả' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'Xem',
    submenu: [
      { role: 'zoomIn', label: 'Phóng to chữ' },
      { role: 'zoomOut', label: 'Thu nhỏ chữ' },
      { role: 'resetZoom', label: 'Cỡ chữ mặc định' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Toàn màn hình' },
      ...(isDev
        ? ([
            { type: 'separator' },
            { role: 'reload', label: 'Tải lại (phát triển)' },
            { role: 'toggleDevTools', label: 'Công cụ phát triển' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: 'Trợ giúp',
    submenu: [
      { label: 'Hướng dẫn sử dụng', click: () => actions.openHelp() },
      { type: 'separator' },
      { label: `Giới thiệu ${APP_TITLE}`, click: () => actions.showAbout() },
    ],
  };
  return [
    ...(isMac ? ([{ role: 'appMenu', label: APP_TITLE }] satisfies MenuItemConstructorOptions[]) : []),
    file,
    edit,
    view,
    ...(isMac ? ([{ role: 'windowMenu', label: 'Cửa sổ' }] satisfies MenuItemConstructorOptions[]) : []),
    help,
  ];
}

/** The subset of Electron's ContextMenuParams the right-click menu depends on. */
export type ContextMenuParamsLike = {
  isEditable: boolean;
  selectionText: string;
  editFlags: { canUndo: boolean; canRedo: boolean; canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
};

/**
 * Electron shows no right-click menu by default; the secretary expects one for cut/copy/paste
 * in every text field, as in Word. Empty when there is nothing to offer.
 */
export function contextMenuTemplate(p: ContextMenuParamsLike): MenuItemConstructorOptions[] {
  if (p.isEditable) {
    return [
      { role: 'undo', label: 'Hoàn tác', enabled: p.editFlags.canUndo },
      { role: 'redo', label: 'Làm lại', enabled: p.editFlags.canRedo },
      { type: 'separator' },
      { role: 'cut', label: 'Cắt', enabled: p.editFlags.canCut },
      { role: 'copy', label: 'Sao chép', enabled: p.editFlags.canCopy },
      { role: 'paste', label: 'Dán', enabled: p.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: 'Chọn tất cả', enabled: p.editFlags.canSelectAll },
    ];
  }
  if (p.selectionText.trim() !== '') return [{ role: 'copy', label: 'Sao chép' }];
  return [];
}

// The live screen's keyboard map. Chosen so that none clashes with Vietnamese typing (Telex and
// VNI use plain letters, digits and Backspace) or with text editing (Ctrl+A/C/V/X/Z/Y): function
// keys and Alt+letter. Alt+D, Alt+E and Alt+F are left alone because Chromium and Windows use
// them. Matching is by physical key (e.code), so Alt+N still works where Alt+letter types a
// special character (macOS) and whatever the input method is doing.

export type ShortcutId =
  | 'newRec'
  | 'newRecBefore'
  | 'reply'
  | 'report'
  | 'conclusion'
  | 'photo'
  | 'roster'
  | 'prev'
  | 'next'
  | 'finish'
  | 'map'
  | 'mark'
  | 'remove'
  | 'escape';

export type Shortcut = {
  id: ShortcutId;
  /** As shown on the keyboard map; also what the end-to-end test presses. */
  keys: string[];
  label: string;
  /** Also active while the cursor is in a text field. */
  inText: boolean;
};

export const SHORTCUTS: Shortcut[] = [
  { id: 'newRec', keys: ['F2', 'Alt+N'], label: 'Kiến nghị mới tại hội nghị', inText: true },
  { id: 'newRecBefore', keys: ['Alt+Shift+N'], label: 'Kiến nghị nhận trước hội nghị', inText: true },
  { id: 'reply', keys: ['F3', 'Alt+T'], label: 'Trả lời kiến nghị đang chọn (hoặc các kiến nghị đã đánh dấu)', inText: true },
  { id: 'report', keys: ['Alt+B'], label: 'Ghi báo cáo', inText: true },
  { id: 'conclusion', keys: ['Alt+K'], label: 'Ghi kết luận và các ý chỉ đạo', inText: true },
  { id: 'photo', keys: ['Alt+P'], label: 'Thêm ảnh', inText: true },
  { id: 'roster', keys: ['Alt+L'], label: 'Điểm danh: đến danh sách đại biểu (Dấu cách: có mặt / vắng)', inText: true },
  { id: 'prev', keys: ['Alt+ArrowUp'], label: 'Mục trước trên dòng thời gian', inText: true },
  { id: 'next', keys: ['Alt+ArrowDown'], label: 'Mục sau trên dòng thời gian', inText: true },
  { id: 'mark', keys: ['Alt+M'], label: 'Đánh dấu kiến nghị đang chọn để trả lời chung (chọn bằng Alt+↑ Alt+↓, rồi F3)', inText: true },
  { id: 'remove', keys: ['Alt+Delete'], label: 'Xóa mục đang chọn (hỏi lại trước khi xóa; có Hoàn tác)', inText: true },
  { id: 'finish', keys: ['Control+Enter'], label: 'Xong mục này: lưu ngay và về dòng thời gian', inText: true },
  { id: 'map', keys: ['F1', '?'], label: 'Bảng phím tắt (phím ? khi con trỏ không ở trong ô chữ)', inText: true },
  { id: 'escape', keys: ['Escape'], label: 'Đóng hộp thoại, danh sách gợi ý', inText: true },
];

/**
 * Keys of the whole meeting, on every step: switch steps, start and end the meeting. Alt+digit and
 * Alt+S/X are free in Chromium and Windows, and far from the letters Telex and VNI type.
 */
export type MeetingShortcutId = 'step1' | 'step2' | 'step3' | 'step4' | 'start' | 'end';

export const MEETING_SHORTCUTS: { id: MeetingShortcutId; keys: string[]; label: string }[] = [
  { id: 'step1', keys: ['Alt+1'], label: 'Sang bước "1. Chuẩn bị"' },
  { id: 'step2', keys: ['Alt+2'], label: 'Sang bước "2. Trực tiếp"' },
  { id: 'step3', keys: ['Alt+3'], label: 'Sang bước "3. Kết thúc"' },
  { id: 'step4', keys: ['Alt+4'], label: 'Sang bước "4. Văn bản"' },
  { id: 'start', keys: ['Alt+S'], label: 'Bắt đầu hội nghị (hỏi lại trước khi bắt đầu)' },
  { id: 'end', keys: ['Alt+X'], label: 'Xong: kết thúc hội nghị (hỏi lại trước khi kết thúc)' },
];

export function matchMeetingShortcut(e: KeyFacts): MeetingShortcutId | null {
  if (isComposing(e)) return null;
  if (alt(e, 'Digit1')) return 'step1';
  if (alt(e, 'Digit2')) return 'step2';
  if (alt(e, 'Digit3')) return 'step3';
  if (alt(e, 'Digit4')) return 'step4';
  if (alt(e, 'KeyS')) return 'start';
  if (alt(e, 'KeyX')) return 'end';
  return null;
}

/** A key event that belongs to the input method (composition in progress): never a shortcut. */
export function isComposing(e: Pick<KeyboardEvent, 'isComposing' | 'keyCode'>): boolean {
  return e.isComposing || e.keyCode === 229;
}

export function isTextTarget(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  return t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'file', 'range', 'color'].includes(t.type);
}

type KeyFacts = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'isComposing' | 'keyCode'>;

function alt(e: KeyFacts, code: string, shift = false): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && e.shiftKey === shift && e.code === code;
}
const plain = (e: KeyFacts) => !e.altKey && !e.ctrlKey && !e.metaKey;

/** Which shortcut this key event is, if any. Composition is checked first, always. */
export function matchShortcut(e: KeyFacts, inText: boolean): ShortcutId | null {
  if (isComposing(e)) return null;
  let id: ShortcutId | null = null;
  if ((e.key === 'F2' && plain(e)) || alt(e, 'KeyN')) id = 'newRec';
  else if (alt(e, 'KeyN', true)) id = 'newRecBefore';
  else if ((e.key === 'F3' && plain(e)) || alt(e, 'KeyT')) id = 'reply';
  else if (alt(e, 'KeyB')) id = 'report';
  else if (alt(e, 'KeyK')) id = 'conclusion';
  else if (alt(e, 'KeyP')) id = 'photo';
  else if (alt(e, 'KeyL')) id = 'roster';
  else if (alt(e, 'ArrowUp')) id = 'prev';
  else if (alt(e, 'ArrowDown')) id = 'next';
  else if (alt(e, 'KeyM')) id = 'mark';
  else if (alt(e, 'Delete')) id = 'remove';
  else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey) id = 'finish';
  else if ((e.key === 'F1' && plain(e)) || (e.key === '?' && !e.ctrlKey && !e.altKey && !e.metaKey)) id = 'map';
  else if (e.key === 'Escape') id = 'escape';
  if (!id) return null;
  if (inText && !SHORTCUTS.find((s) => s.id === id)?.inText) return null;
  // "?" is a character the secretary may type; F1 works everywhere.
  if (id === 'map' && e.key === '?' && inText) return null;
  return id;
}

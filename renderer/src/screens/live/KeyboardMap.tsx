import { useEffect, useRef } from 'react';
import { MEETING_SHORTCUTS, SHORTCUTS } from './shortcuts';
import { AUDIO_KEYS } from '../../audio/keys';
import { PROJECTOR_KEYS } from '../../../../electron/shared/timer';

const KEY_NAMES: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', Control: 'Ctrl', Escape: 'Esc', Enter: 'Enter' };

/** "Alt+ArrowUp" -> ["Alt", "↑"] as it is printed on the keys. */
export function keyCaps(k: string): string[] {
  return k === '?' ? ['?'] : k.split('+').map((p) => KEY_NAMES[p] ?? p);
}

/** "F2 hoặc Alt+N" as key caps: one drawing for the keyboard map and the help page. */
export function KeyCombos({ keys }: { keys: readonly string[] }) {
  return (
    <>
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 ? <span className="muted"> hoặc </span> : null}
          {keyCaps(k).map((c, j) => (
            <span key={j}>
              {j > 0 ? '+' : null}
              <kbd>{c}</kbd>
            </span>
          ))}
        </span>
      ))}
    </>
  );
}

export function KeyboardMap({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="kmap-h" data-testid="keyboard-map" onMouseDown={(e) => e.stopPropagation()}>
        <h2 id="kmap-h">Phím tắt trên màn hình Trực tiếp</h2>
        <p className="muted small">
          Các phím tắt không dùng chữ cái thường hay Ctrl+chữ, nên không vướng bộ gõ tiếng Việt (Unikey, EVKey, Telex, VNI) và các phím sửa chữ
          quen thuộc (Ctrl+C, Ctrl+V, Ctrl+Z…).
        </p>
        <table className="kmap">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.id} data-testid="kmap-entry" data-id={s.id} data-keys={s.keys.join(' ')}>
                <td className="kmap-keys">
                  <KeyCombos keys={s.keys} />
                </td>
                <td>{s.label}</td>
              </tr>
            ))}
            <tr>
              <td className="kmap-keys">
                <kbd>Dấu cách</kbd>
              </td>
              <td>Trong danh sách đại biểu: đánh dấu có mặt / vắng mặt; ↑ ↓ để chuyển người</td>
            </tr>
          </tbody>
        </table>
        <h3 className="kmap-sub">Trên mọi bước của hội nghị</h3>
        <table className="kmap">
          <tbody>
            {MEETING_SHORTCUTS.map((s) => (
              <tr key={s.id} data-testid="kmap-meeting-entry" data-id={s.id} data-keys={s.keys.join(' ')}>
                <td className="kmap-keys">
                  <KeyCombos keys={s.keys} />
                </td>
                <td>{s.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="kmap-sub">Màn chiếu và bấm giờ</h3>
        <table className="kmap">
          <tbody>
            {PROJECTOR_KEYS.map((s) => (
              <tr key={s.id} data-testid="kmap-projector-entry" data-id={s.id} data-keys={s.keys.join(' ')}>
                <td className="kmap-keys">
                  <KeyCombos keys={s.keys} />
                </td>
                <td>{s.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="kmap-sub">Ghi âm hội trường và nghe lại</h3>
        <table className="kmap">
          <tbody>
            {AUDIO_KEYS.map((s) => (
              <tr key={s.id} data-testid="kmap-audio-entry" data-id={s.id} data-keys={s.keys.join(' ')}>
                <td className="kmap-keys">
                  <KeyCombos keys={s.keys} />
                </td>
                <td>{s.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="modal-foot">
          <button type="button" ref={closeRef} onClick={onClose} data-testid="kmap-close">
            Đóng (Esc)
          </button>
        </div>
      </div>
    </div>
  );
}

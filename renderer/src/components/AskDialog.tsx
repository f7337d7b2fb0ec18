// A modal question with Vietnamese buttons (documents, live screen, Home, meeting keys), optionally
// asking for a short text (the reason for an unlock). A native <dialog>: Esc cancels, focus stays inside, and it works from the keyboard alone.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

type Props = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Ask for a text; the confirm button stays disabled until it has some. */
  input?: { label: string; placeholder?: string };
  /** The confirm button is the dangerous choice: focus starts on "Hủy" and the button is red. */
  danger?: boolean;
  onConfirm: (text: string) => void;
  onCancel: () => void;
  testId?: string;
};

export function AskDialog(p: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [text, setText] = useState('');
  const done = useRef(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    // Whoever opened the dialog gets the cursor back when it closes, so the keyboard flow goes on
    // where it was instead of falling to the page body.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    // showModal() focuses the first button; a dangerous question starts on "Hủy" instead, so an
    // Enter pressed out of habit answers "no".
    if (p.danger && !p.input) cancelRef.current?.focus();
    return () => {
      if (before?.isConnected && document.activeElement === document.body) before.focus();
    };
    // Once, on opening; the props of an open question do not change what has the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const confirm = () => {
    if (p.input && !text.trim()) return;
    done.current = true;
    ref.current?.close();
    p.onConfirm(text.trim());
  };
  return (
    <dialog
      ref={ref}
      className="docs-dialog"
      aria-labelledby={`${id}-h`}
      aria-describedby={`${id}-d`}
      onClose={() => {
        if (!done.current) p.onCancel();
      }}
      data-testid={p.testId}
    >
      <h2 id={`${id}-h`}>{p.title}</h2>
      <div id={`${id}-d`} className="docs-dialog-body">
        {p.children}
      </div>
      {p.input ? (
        <div className="field">
          <label htmlFor={`${id}-i`}>
            {p.input.label}
            <span className="req"> *</span>
          </label>
          <textarea
            id={`${id}-i`}
            rows={3}
            value={text}
            placeholder={p.input.placeholder}
            onChange={(e) => setText(e.target.value)}
            autoFocus
            spellCheck={false}
            data-testid={p.testId ? `${p.testId}-input` : undefined}
          />
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className={p.danger ? 'danger' : 'primary'} onClick={confirm} disabled={!!p.input && !text.trim()} autoFocus={!p.input && !p.danger} data-testid={p.testId ? `${p.testId}-ok` : undefined}>
          {p.confirmLabel}
        </button>
        <button type="button" ref={cancelRef} onClick={() => ref.current?.close()} autoFocus={!p.input && p.danger} data-testid={p.testId ? `${p.testId}-cancel` : undefined}>
          {p.cancelLabel ?? 'Hủy'}
        </button>
      </div>
    </dialog>
  );
}

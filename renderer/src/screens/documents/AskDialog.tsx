// A modal question with Vietnamese buttons, optionally asking for a short text (the reason for an
// unlock). A native <dialog>: Esc cancels, focus stays inside, and it works from the keyboard alone.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

type Props = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Ask for a text; the confirm button stays disabled until it has some. */
  input?: { label: string; placeholder?: string };
  /** The confirm button is the dangerous choice: focus starts on "Hủy". */
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
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
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
        <button type="button" className="primary" onClick={confirm} disabled={!!p.input && !text.trim()} autoFocus={!p.input && !p.danger} data-testid={p.testId ? `${p.testId}-ok` : undefined}>
          {p.confirmLabel}
        </button>
        <button type="button" onClick={() => ref.current?.close()} autoFocus={!p.input && p.danger} data-testid={p.testId ? `${p.testId}-cancel` : undefined}>
          {p.cancelLabel ?? 'Hủy'}
        </button>
      </div>
    </dialog>
  );
}

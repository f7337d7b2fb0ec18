// The "Hoàn tác" bar after a soft delete. One at a time: a new deletion replaces the offer, and
// the earlier item stays deleted (it can still be restored from the audit log by the core).
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

export type UndoOffer = { message: string; undo: () => Promise<string | null> };
export type ShowUndo = (offer: UndoOffer) => void;

const SHOW_MS = 12_000;

export function useUndo(): { show: ShowUndo; bar: ReactNode } {
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const show = useCallback<ShowUndo>((o) => {
    if (timer.current) clearTimeout(timer.current);
    setError(null);
    setOffer(o);
    timer.current = setTimeout(() => setOffer(null), SHOW_MS);
  }, []);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const bar = offer ? (
    <div className="undo-bar" role="status" data-testid="undo-bar">
      <span>{error ?? offer.message}</span>
      <button
        type="button"
        data-testid="undo"
        onClick={() => {
          void offer.undo().then((problem) => {
            if (problem) setError(problem);
            else setOffer(null);
          });
        }}
      >
        Hoàn tác
      </button>
      <button type="button" className="link" aria-label="Đóng thông báo" onClick={() => setOffer(null)}>
        Đóng
      </button>
    </div>
  ) : null;
  return { show, bar };
}

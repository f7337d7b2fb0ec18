// The sample meeting on the Home list: its "Mẫu" mark, "Xóa hội nghị mẫu" with "Hoàn tác", and a
// way to open it again after it was deleted. Which meetings are the sample is the core's answer
// ('sample.ids': an audit mark written when the sample was loaded), never a guess from the title.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api';
import { navigate } from '../../lib/router';
import { useData } from '../../lib/use-data';
import './setup.css';

const UNDO_MS = 15_000;

export type SampleControls = {
  isSample: (meetingId: number) => boolean;
  remove: (meetingId: number) => Promise<void>;
  /** The undo offer and any error, for the bar. */
  bar: { removedId: number | null; error: string | null; undo: () => Promise<void>; dismiss: () => void };
};

/** `onChange` reloads the meeting list after a delete or an undo. */
export function useSampleControls(onChange: () => Promise<void>): SampleControls {
  const ids = useData('sample.ids', {});
  const [removedId, setRemovedId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const { reload } = ids;
  const refresh = useCallback(async () => {
    await Promise.all([reload(), onChange()]);
  }, [reload, onChange]);

  const remove = async (meetingId: number) => {
    setError(null);
    const r = await api.call('meeting.remove', { id: meetingId });
    if (!r.ok) return setError(r.error.message);
    setRemovedId(meetingId);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setRemovedId(null), UNDO_MS);
    await refresh();
  };

  const undo = async () => {
    if (removedId === null) return;
    const r = await api.call('meeting.restore', { id: removedId });
    if (!r.ok) return setError(r.error.message);
    setRemovedId(null);
    await refresh();
  };

  return {
    isSample: (id) => ids.data?.includes(id) ?? false,
    remove,
    bar: { removedId, error, undo, dismiss: () => setRemovedId(null) },
  };
}

export function SampleBadge() {
  return (
    <span className="sample-badge" title="Hội nghị mẫu đi kèm ứng dụng, để xem thử" data-testid="sample-badge">
      Mẫu
    </span>
  );
}

export function RemoveSampleButton({ onRemove }: { onRemove: () => void }) {
  return (
    <button type="button" className="link sample-remove" onClick={onRemove} data-testid="remove-sample">
      Xóa hội nghị mẫu
    </button>
  );
}

export function SampleUndoBar({ bar }: { bar: SampleControls['bar'] }) {
  if (bar.error)
    return (
      <div className="banner error" role="alert">
        {bar.error}
      </div>
    );
  if (bar.removedId === null) return null;
  return (
    <div className="banner info sample-undo" role="status" data-testid="sample-undo-bar">
      <span>Đã xóa hội nghị mẫu.</span>
      <button type="button" onClick={() => void bar.undo()} data-testid="sample-undo">
        Hoàn tác
      </button>
      <button type="button" className="link" onClick={bar.dismiss}>
        Đóng
      </button>
    </div>
  );
}

/** For a list without the sample (never loaded, or deleted): open it to look around. */
export function OpenSampleButton() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="link"
        disabled={busy}
        data-testid="home-open-sample"
        onClick={() => {
          setBusy(true);
          void api.call('sample.load', {}).then((r) => {
            setBusy(false);
            if (r.ok) navigate({ name: 'meeting', id: r.value.id, tab: 'prepare' });
            else setError(r.error.message);
          });
        }}
      >
        {busy ? 'Đang mở…' : 'Mở hội nghị mẫu (Bắc Từ Liêm, 18/10/2019) để xem thử'}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {' '}
          {error}
        </span>
      ) : null}
    </>
  );
}

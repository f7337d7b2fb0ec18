// "Nghe lại" beside an entry: plays the hall from a few seconds before the entry was created.
// Renders nothing when the entry has no moment (typed while nothing was recording), so it can sit
// in any row without changing it.
import type { AudioMarkKind } from '../../../electron/shared/audio';
import { useHallAudio } from './HallAudio';
import { clock } from './keys';

export function ListenButton({ kind, id, label = 'Nghe lại' }: { kind: AudioMarkKind; id: number; label?: string }) {
  const audio = useHallAudio();
  const m = audio?.mark(kind, id);
  if (!audio || !m) return null;
  return (
    <button
      type="button"
      className="listen-btn"
      onClick={(e) => {
        e.stopPropagation();
        void audio.replay(kind, id);
      }}
      title={`Nghe lại từ vài giây trước lúc ghi mục này (phần ${m.part}, ${clock(m.offsetMs)}). Phím Alt+V với mục đang chọn.`}
      data-testid={`listen-${kind}-${id}`}
      data-part={m.part}
      data-offset-ms={m.offsetMs}
    >
      ▶ {label}
    </button>
  );
}

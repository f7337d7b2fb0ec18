// Photos: drop them here or pick files. The core checks each file by its bytes (a renamed
// document is refused), downscales it and makes the thumbnail; this side only refuses what is
// too big to even send, and shows the core's message, in Vietnamese, for anything refused.
import { memo, useEffect, useRef, useState, type RefObject } from 'react';
import type { PhotoEvent, PhotoMeta } from '../../../../electron/shared/domain';
import { PHOTO_EVENTS } from '../../../../electron/shared/domain';
import { LIMITS } from '../../../../electron/shared/limits';
import { api } from '../../lib/api';
import { saveQueue } from '../../lib/save-queue';
import { TextField } from '../../components/fields';
import { PHOTO_EVENT_LABEL } from './model';
import { fileToBase64 } from '../../lib/files';

const thumbs = new Map<number, string>();

type Props = {
  meetingId: number;
  photos: PhotoMeta[];
  defaultEvent: PhotoEvent;
  pickRef: RefObject<HTMLInputElement | null>;
  onSaved: (p: PhotoMeta) => void;
  onRemove: (p: PhotoMeta) => void;
};

export const PhotoPanel = memo(function PhotoPanel({ meetingId, photos, defaultEvent, pickRef, onSaved, onRemove }: Props) {
  const [event, setEvent] = useState<PhotoEvent>(defaultEvent);
  const [busy, setBusy] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  const [over, setOver] = useState(false);
  useEffect(() => setEvent(defaultEvent), [defaultEvent]);

  async function add(files: File[]) {
    const problems: string[] = [];
    for (const file of files) {
      if (file.size > LIMITS.photoBytes) {
        problems.push(
          `Ảnh "${file.name}" quá lớn (${Math.round(file.size / 1024 / 1024)} MB, tối đa ${LIMITS.photoBytes / 1024 / 1024} MB). Hãy giảm cỡ ảnh rồi thêm lại.`,
        );
        continue;
      }
      setBusy((n) => n + 1);
      try {
        const dataBase64 = await fileToBase64(file);
        const r = await api.call('photo.add', { meetingId, fileName: file.name, dataBase64, event, caption: '' });
        if (r.ok) onSaved(r.value);
        else problems.push(r.error.message);
      } catch {
        problems.push(`Không đọc được tệp "${file.name}" trên máy. Hãy chép tệp vào máy rồi thử lại.`);
      } finally {
        setBusy((n) => n - 1);
      }
    }
    setErrors(problems);
  }

  return (
    <div className="photos">
      <div
        className={`dropzone${over ? ' over' : ''}`}
        data-testid="photo-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void add([...e.dataTransfer.files]);
        }}
      >
        <p>Kéo thả ảnh vào đây, hoặc</p>
        <button type="button" onClick={() => pickRef.current?.click()} data-testid="photo-pick">
          Chọn ảnh… <kbd>Alt+P</kbd>
        </button>
        <input
          ref={pickRef}
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp"
          hidden
          data-testid="photo-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void add(files);
          }}
        />
        <label className="small">
          Thuộc phần:{' '}
          <select value={event} onChange={(e) => setEvent(e.target.value as PhotoEvent)} data-testid="photo-event">
            {PHOTO_EVENTS.map((ev) => (
              <option key={ev} value={ev}>
                {PHOTO_EVENT_LABEL[ev]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {busy > 0 ? <p className="muted small" role="status">Đang xử lý ảnh…</p> : null}
      {errors.map((m, i) => (
        <div key={i} className="banner error small" role="alert" data-testid="photo-error">
          {m}
        </div>
      ))}
      <ul className="thumbs" data-testid="thumbs">
        {photos.map((p) => (
          <PhotoItem key={p.id} photo={p} onSaved={onSaved} onRemove={onRemove} />
        ))}
      </ul>
    </div>
  );
});

const PhotoItem = memo(function PhotoItem({ photo, onSaved, onRemove }: { photo: PhotoMeta; onSaved: (p: PhotoMeta) => void; onRemove: (p: PhotoMeta) => void }) {
  const [src, setSrc] = useState(thumbs.get(photo.id) ?? null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    if (!thumbs.has(photo.id))
      void api.call('photo.thumb', { id: photo.id }).then((r) => {
        if (!r.ok) return;
        thumbs.set(photo.id, r.value);
        if (alive.current) setSrc(r.value);
      });
    return () => {
      alive.current = false;
    };
  }, [photo.id]);
  const save = async (patch: { caption?: string; event?: PhotoEvent }) => {
    const r = await api.call('photo.update', { id: photo.id, patch });
    if (r.ok) onSaved(r.value);
    return r;
  };
  return (
    <li className="thumb" data-testid="thumb">
      {src ? <img src={src} alt={photo.caption || 'Ảnh hội nghị'} /> : <div className="thumb-ph">…</div>}
      <div className="thumb-fields">
        <TextField label="Chú thích" saveKey={`photo:${photo.id}:caption`} value={photo.caption} save={(v) => save({ caption: v })} testId="photo-caption" />
        <div className="thumb-row">
          <select
            aria-label="Thuộc phần"
            value={photo.event}
            onChange={(e) => {
              const ev = e.target.value as PhotoEvent;
              saveQueue.enqueue(`photo:${photo.id}:event`, () => save({ event: ev }));
            }}
          >
            {PHOTO_EVENTS.map((ev) => (
              <option key={ev} value={ev}>
                {PHOTO_EVENT_LABEL[ev]}
              </option>
            ))}
          </select>
          <button type="button" className="danger-link" onClick={() => onRemove(photo)}>
            Xóa
          </button>
        </div>
        <span className="muted small">
          {photo.width}×{photo.height}
        </span>
      </div>
    </li>
  );
});

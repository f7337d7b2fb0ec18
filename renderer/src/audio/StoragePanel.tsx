// Space used by the recordings, deleting this meeting's audio (with undo), and the optional speech
// model folder for "Chép thành chữ".
import { useEffect, useState } from 'react';
import type { AudioState, AudioUsage, ModelCheck } from '../../../electron/shared/audio';
import { rawApi } from '../lib/api';
import { saveFile } from '../lib/files';
import { flushAllFields } from '../lib/autosave';
import { saveQueue } from '../lib/save-queue';
import { megabytes } from './keys';

type Props = { meetingId: number; state: AudioState | null; refresh: () => Promise<void>; recording: boolean };

export function StoragePanel({ meetingId, state, refresh, recording }: Props) {
  const [usage, setUsage] = useState<AudioUsage | null>(null);
  const [model, setModel] = useState<(ModelCheck & { dir?: string | null }) | null>(null);
  const [dir, setDir] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const load = async () => {
    const [u, m] = await Promise.all([rawApi.call('audio.usage', {}), rawApi.call('audio.model', {})]);
    if (u.ok) setUsage(u.value);
    if (m.ok) {
      setModel(m.value);
      if (m.value.dir) setDir(m.value.dir);
    }
  };
  useEffect(() => {
    void load();
    // Read when opened, and again when this meeting's audio changes size or is deleted.
  }, [state?.bytes, state?.trashed]);

  const remove = async () => {
    const r = await rawApi.call('audio.remove', { meetingId });
    setMessage(r.ok ? null : r.error.message);
    await refresh();
  };
  const undo = async () => {
    const r = await rawApi.call('audio.restore', { meetingId });
    setMessage(r.ok ? null : r.error.message);
    await refresh();
  };
  // The meeting file with the recording in it (the usual "Xuất tệp hội nghị" leaves it out).
  const exportWithAudio = async () => {
    flushAllFields();
    await saveQueue.idle();
    const r = await rawApi.call('meetingFile.export', { id: meetingId, includeAudio: true });
    if (!r.ok) return setMessage(r.error.message);
    setMessage(null);
    saveFile(r.value.fileName, 'application/octet-stream', r.value.dataBase64);
  };
  const check = async () => {
    const r = await rawApi.call('audio.setModel', { dir });
    if (r.ok) setModel(r.value);
    else setMessage(r.error.message);
  };

  return (
    <div className="audio-storage" data-testid="audio-storage">
      <p>
        Ghi âm của hội nghị này: <strong data-testid="audio-bytes">{megabytes(state?.bytes ?? 0)}</strong>
        {usage ? ` · mọi hội nghị: ${megabytes(usage.totalBytes)}` : ''}.{' '}
        {state?.parts.length ? (
          <button type="button" className="link danger" onClick={() => void remove()} disabled={recording} data-testid="audio-delete" title={recording ? 'Dừng ghi âm trước khi xóa' : undefined}>
            Xóa ghi âm của hội nghị này
          </button>
        ) : null}
        {state?.parts.length ? (
          <>
            {' · '}
            <button type="button" className="link" onClick={() => void exportWithAudio()} disabled={recording} data-testid="audio-export">
              Xuất tệp hội nghị kèm ghi âm
            </button>
          </>
        ) : null}
      </p>
      {state?.trashed && !state.parts.length ? (
        <div className="banner undo small" role="status" data-testid="audio-undo-banner">
          Đã xóa ghi âm của hội nghị này.{' '}
          <button type="button" className="link" onClick={() => void undo()} data-testid="audio-undo">
            Hoàn tác
          </button>
        </div>
      ) : null}
      <p className="small">
        Chép thành chữ (không bắt buộc): chọn thư mục mô hình nhận dạng tiếng Việt đã chép vào máy (xem Hướng dẫn, docs/audio.md).
      </p>
      <p className="model-row">
        <input value={dir} onChange={(e) => setDir(e.target.value)} placeholder="Ví dụ: D:\\mo-hinh\\sherpa-onnx-zipformer-vi" aria-label="Thư mục mô hình" data-testid="model-dir" />{' '}
        <button type="button" onClick={() => void check()} disabled={!dir.trim()} data-testid="model-check">
          Kiểm tra
        </button>
      </p>
      {model ? (
        <p className={model.ok ? 'ok small' : 'muted small'} role="status" data-testid="model-status">
          {model.message}
        </p>
      ) : null}
      {message ? (
        <p className="banner error small" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { useData } from '../lib/use-data';
import { href } from '../lib/router';
import { BACKUP_REASON_LABELS, formatBytes, formatDateTime } from '../lib/labels';
import type { BackupInfo } from '../../../electron/shared/contract';

/** The list of backups, a backup on demand, and a restore that keeps the current data aside. */
export function BackupsScreen() {
  const list = useData('backup.list', {});
  const info = useData('app.info', {});
  return (
    <div className="backups">
      <h1>Sao lưu và khôi phục</h1>
      <p className="muted">
        Ứng dụng tự sao lưu khi bắt đầu và kết thúc hội nghị, và cứ 10 phút một lần trong lúc hội nghị diễn ra (nếu có thay đổi). Giữ 20 bản mới nhất và mỗi ngày một bản trong 30 ngày; không bao giờ xóa một bản đang giữ hội nghị (hoặc phiên bản mới hơn của hội nghị) mà không bản mới hơn nào còn giữ.
        {info.data ? (
          <>
            {' '}
            Thư mục: <code>{info.data.dataDir}</code>
          </>
        ) : null}
      </p>
      <BackupList backups={list.data ?? []} error={list.error} onChanged={list.reload} allowCreate />
    </div>
  );
}

const RESTORED_KEY = 'thuky.restored';

/** What the last restore said, for the reload that follows it (cleared once shown). */
function restoredMessage(): string | null {
  return sessionStorage.getItem(RESTORED_KEY);
}

/** Reloads on the backups screen, which then says what was restored (kept across the reload). */
function restartOnBackups(): void {
  window.location.replace(`${window.location.pathname}${window.location.search}${href({ name: 'backups' })}`);
  window.location.reload();
}

export function BackupList({
  backups,
  error,
  onChanged,
  allowCreate,
  offerNewest,
}: {
  backups: BackupInfo[];
  error: string | null;
  onChanged: () => Promise<void>;
  allowCreate?: boolean;
  /** The recovery screen: the first backup is the newest verified one; offer it as the main action. */
  offerNewest?: boolean;
}) {
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(() => {
    const restored = restoredMessage();
    return restored ? { kind: 'info', text: restored } : null;
  });
  useEffect(() => {
    // Shown once: a later visit to this screen starts without it.
    sessionStorage.removeItem(RESTORED_KEY);
  }, []);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);

  async function create() {
    setBusy(true);
    const r = await api.call('backup.create', {});
    setBusy(false);
    setMessage(r.ok ? { kind: 'info', text: `Đã tạo bản sao lưu lúc ${formatDateTime(r.value.at)}.` } : { kind: 'error', text: r.error.message });
    await onChanged();
  }

  async function restore(fileName: string) {
    setBusy(true);
    const r = await api.call('backup.restore', { fileName });
    setBusy(false);
    setConfirming(null);
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setMessage({ kind: 'info', text: r.value.message });
    // The page reloads below; the sentence saying what was restored is shown again after it.
    sessionStorage.setItem(RESTORED_KEY, r.value.message);
    // Every screen must read the restored data: start over, on this screen.
    restartOnBackups();
  }

  return (
    <section className="card">
      {allowCreate ? (
        <div className="row gap" style={{ marginBottom: 8 }}>
          <button type="button" className="primary" onClick={() => void create()} disabled={busy} data-testid="backup-create">
            Tạo bản sao lưu ngay
          </button>
        </div>
      ) : null}
      {message ? (
        <div className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </div>
      ) : null}
      {error ? <div className="banner error">{error}</div> : null}
      {offerNewest && backups[0] ? (
        <p>
          <button type="button" className="primary" onClick={() => void restore(backups[0].fileName)} disabled={busy} data-testid="restore-newest">
            Khôi phục bản mới nhất đã kiểm tra ({formatDateTime(backups[0].at)})
          </button>
        </p>
      ) : null}
      {backups.length === 0 ? <p className="muted">Chưa có bản sao lưu nào.</p> : null}
      <table className="list" data-testid="backup-list">
        {backups.length ? (
          <thead>
            <tr>
              <th>Thời điểm</th>
              <th>Lý do</th>
              <th>Dung lượng</th>
              <th />
            </tr>
          </thead>
        ) : null}
        <tbody>
          {backups.map((b) => (
            <tr key={b.fileName}>
              <td className="nowrap">{formatDateTime(b.at)}</td>
              <td>{BACKUP_REASON_LABELS[b.reason] ?? b.reason}</td>
              <td className="nowrap">{formatBytes(b.bytes)}</td>
              <td className="nowrap">
                {confirming === b.fileName ? (
                  <span className="row gap">
                    <span>Thay dữ liệu hiện tại bằng bản này? (Dữ liệu hiện tại được giữ lại riêng.)</span>
                    <button type="button" className="primary" onClick={() => void restore(b.fileName)} disabled={busy}>
                      Khôi phục
                    </button>
                    <button type="button" onClick={() => setConfirming(null)}>
                      Thôi
                    </button>
                  </span>
                ) : (
                  <button type="button" onClick={() => setConfirming(b.fileName)} disabled={busy} data-testid="backup-restore">
                    Khôi phục bản này…
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

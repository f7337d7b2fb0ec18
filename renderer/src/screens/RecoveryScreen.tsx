import { createContext, useEffect, useState, type ReactNode } from 'react';
import type { ChannelOutput } from '../../../electron/shared/contract';
import { useData } from '../lib/use-data';
import { BackupList } from './BackupsScreen';

/**
 * The health this gate read before letting the app through: the first-run gate below decides on
 * it instead of asking the core again (one round trip less before the first screen, issue 15).
 */
export const StartHealth = createContext<ChannelOutput<'app.health'> | null>(null);

/**
 * At start-up the core checks the database. If it is damaged, or missing (or empty) while
 * backups exist, the user sees this screen first, never the first-run setup: restore the newest
 * verified backup (offered first), or go on read-only. The damaged file is never deleted.
 */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const health = useData('app.health', {});
  const [readOnly, setReadOnly] = useState(false);
  // The integrity check runs after the first screen (issue 15): ask again until it has answered,
  // so a damaged file still stops the secretary here, seconds later instead of before opening.
  const { data: current, reload } = health;
  useEffect(() => {
    if (!current?.checking) return;
    const t = setTimeout(() => void reload(), 1000);
    return () => clearTimeout(t);
  }, [current, reload]);
  if (health.loading) return null;
  const h = health.data;
  if (!h && health.error) {
    // The core could not open the data at all: most often another program holds the data
    // folder (the message names it), or the folder is unreachable. Nothing else can work.
    return (
      <div className="recovery" data-testid="startup-error">
        <h1>Chưa mở được dữ liệu</h1>
        <div className="banner error" role="alert">
          {health.error}
        </div>
        <p>
          <button type="button" onClick={() => void health.reload()}>
            Thử lại
          </button>
        </p>
      </div>
    );
  }
  if (!h || h.state === 'ok' || readOnly) {
    return (
      <>
        {h && h.state !== 'ok' ? (
          <div className="banner warn" role="status">
            Đang mở ở chế độ chỉ đọc: dữ liệu bị hỏng nên không thể ghi. Hãy vào “Sao lưu” để khôi phục.
          </div>
        ) : null}
        <StartHealth.Provider value={h ?? null}>{children}</StartHealth.Provider>
      </>
    );
  }
  return (
    <div className="recovery" data-testid="recovery">
      <h1>Dữ liệu cần được khôi phục</h1>
      <div className="banner error" role="alert">
        {h.message}
      </div>
      <p>
        Tệp dữ liệu hiện tại được giữ nguyên, không bị xóa. Hãy chọn bản sao lưu gần nhất để khôi phục; tệp hỏng sẽ được cất riêng trong thư mục sao lưu để kỹ thuật viên kiểm tra sau.
      </p>
      <BackupList backups={h.backups} error={null} onChanged={health.reload} offerNewest />
      <p>
        {h.readOnly ? (
          <button type="button" onClick={() => setReadOnly(true)} data-testid="open-readonly">
            Mở ở chế độ chỉ đọc (xem và chép lại nội dung)
          </button>
        ) : (
          <span className="muted">Không có dữ liệu nào đọc được để mở; chỉ có thể khôi phục từ bản sao lưu.</span>
        )}
      </p>
    </div>
  );
}

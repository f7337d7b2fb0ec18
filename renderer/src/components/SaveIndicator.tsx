import { useEffect, useState } from 'react';
import { saveQueue, type SaveStatus } from '../lib/save-queue';
import { hhmmss } from '../lib/format';
import { dismissRecovery, subscribeRecovery } from '../lib/journal';
import type { RecoveryReport } from '../lib/journal-core';

const nf = new Intl.NumberFormat('vi-VN');
const excerpt = (t: string) => (t.length > 160 ? `${t.slice(0, 160)}…` : t);

/** What the journal wrote back at start-up: text typed while the app's storage could not be reached. */
function RecoveryNotice({ report }: { report: RecoveryReport }) {
  return (
    <div className="journal-recovered" role="status" data-testid="journal-recovered">
      {report.recovered.length > 0 ? (
        <p>
          Đã khôi phục {nf.format(report.recovered.length)} nội dung gõ lúc ứng dụng chưa lưu được (máy chủ hoặc phần lưu trữ bị ngắt). Nội dung đã được lưu lại:
        </p>
      ) : null}
      <ul>
        {report.recovered.map((e) => (
          <li key={`ok-${e.key}`} data-testid="journal-recovered-item">
            {excerpt(e.text)}
          </li>
        ))}
      </ul>
      {report.refused.length > 0 ? (
        <>
          <p role="alert">Không ghi lại được {nf.format(report.refused.length)} nội dung; hãy chép lại vào đúng chỗ:</p>
          <ul>
            {report.refused.map((e) => (
              <li key={`no-${e.key}`} data-testid="journal-refused-item">
                <span className="field-error">{e.message}</span> <q>{e.text}</q>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" onClick={dismissRecovery} data-testid="journal-dismiss">
        Đã xem
      </button>
    </div>
  );
}

/** The quiet "Đã lưu hh:mm:ss"; loud only when a save is failing (and being retried). */
export function SaveIndicator() {
  const [s, setS] = useState<SaveStatus>({ state: 'idle' });
  const [recovered, setRecovered] = useState<RecoveryReport | null>(null);
  useEffect(() => saveQueue.subscribe(setS), []);
  useEffect(() => subscribeRecovery(setRecovered), []);
  const notice = recovered ? <RecoveryNotice report={recovered} /> : null;
  if (s.state === 'error')
    return (
      <>
        {notice}
        <div className="save-indicator error" role="alert" data-testid="save-status">
          Chưa lưu được: {s.message}
        </div>
      </>
    );
  return (
    <>
      {notice}
      <div className="save-indicator" aria-live="polite" data-testid="save-status">
        {s.state === 'saving' ? 'Đang lưu…' : s.state === 'saved' ? `Đã lưu ${hhmmss(s.at)}` : ''}
      </div>
    </>
  );
}

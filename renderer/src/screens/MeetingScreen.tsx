import { useCallback, useEffect, useRef, useState } from 'react';
import { saveQueue } from '../lib/save-queue';
import type { MeetingRecord } from '../../../electron/shared/domain';
import { api } from '../lib/api';
import { flushAllFields } from '../lib/autosave';
import { href, type MeetingTab } from '../lib/router';
import { isoToVnDate } from '../lib/format';
import { PrepareTab } from './prepare/PrepareTab';
import { LiveTab } from './live/LiveTab';
import { CloseTab } from './close/CloseTab';
import { DocumentsTab } from './documents/DocumentsTab';
import { AuditTab } from './audit/AuditTab';
import { ExportMeetingButton } from '../components/MeetingFileButtons';

const TABS: { tab: MeetingTab; label: string }[] = [
  { tab: 'prepare', label: '1. Chuẩn bị' },
  { tab: 'live', label: '2. Trực tiếp' },
  { tab: 'close', label: '3. Kết thúc' },
  { tab: 'documents', label: '4. Văn bản' },
];

const STATUS: Record<string, string> = { draft: 'Đang chuẩn bị', live: 'Đang diễn ra', closed: 'Đã kết thúc' };

export type MeetingTabProps = { record: MeetingRecord; reload: () => Promise<void> };

export function MeetingScreen({ id, tab }: { id: number; tab: MeetingTab }) {
  const [record, setRecord] = useState<MeetingRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const r = await api.call('meeting.get', { id });
    if (r.ok) {
      setRecord(r.value);
      setError(null);
    } else setError(r.error.message);
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  // Each tab keeps its own copy of the record while it is open. Entering another tab, read the
  // record afresh once the last typed text is stored; the first tab shown needs no second read
  // (measured: it doubled the start-up's meeting.get and first render).
  const firstTab = useRef(true);
  useEffect(() => {
    if (firstTab.current) {
      firstTab.current = false;
      return;
    }
    void saveQueue.idle().then(reload);
  }, [tab, reload]);

  if (error) return <div className="banner error" role="alert">{error}</div>;
  if (!record) return <div className="muted">Đang mở hội nghị…</div>;
  const m = record.meeting;
  return (
    <div className="meeting">
      <div className="meeting-head">
        <div>
          <h1 className="meeting-title" data-testid="meeting-title">
            {m.title || '(chưa đặt tên)'}
          </h1>
          <div className="muted small">
            {[isoToVnDate(m.date), m.startTime, m.location].filter(Boolean).join(' · ')} · <span className={`status status-${m.status}`}>{STATUS[m.status]}</span>
            {m.locked ? ` · Đã chốt biên bản (lần sửa đổi ${m.revision})` : ''} ·{' '}
            <a href={href({ name: 'meeting', id, tab: 'audit' })} data-testid="tab-audit">
              Nhật ký thay đổi
            </a>{' '}
            · <ExportMeetingButton meetingId={id} onError={setFileError} />
          </div>
        </div>
        <nav className="tabs" aria-label="Các bước">
          {TABS.map((t) => (
            <a key={t.tab} href={href({ name: 'meeting', id, tab: t.tab })} aria-current={t.tab === tab ? 'page' : undefined} onClick={flushAllFields} data-testid={`tab-${t.tab}`}>
              {t.label}
            </a>
          ))}
        </nav>
      </div>
      {fileError ? (
        <div className="banner error" role="alert">
          {fileError}
        </div>
      ) : null}
      {tab === 'prepare' ? <PrepareTab record={record} reload={reload} /> : null}
      {tab === 'live' ? <LiveTab record={record} reload={reload} /> : null}
      {tab === 'close' ? <CloseTab record={record} reload={reload} /> : null}
      {tab === 'documents' ? <DocumentsTab record={record} reload={reload} /> : null}
      {tab === 'audit' ? <AuditTab record={record} reload={reload} /> : null}
    </div>
  );
}

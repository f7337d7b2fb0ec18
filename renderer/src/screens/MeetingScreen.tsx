import { Component, useCallback, useEffect, useRef, useState, type ErrorInfo, type ReactNode } from 'react';
import { saveQueue } from '../lib/save-queue';
import type { MeetingRecord } from '../../../electron/shared/domain';
import { api } from '../lib/api';
import { flushAllFields } from '../lib/autosave';
import { href, type MeetingTab } from '../lib/router';
import { isoToVnDate } from '../lib/format';
import { PrepareTab } from './prepare/PrepareTab';
import { LiveTab } from './live/LiveTab';
import { expandLive } from './live/model';
import { selFromHash } from './live/use-live-selection';
import { CloseTab } from './close/CloseTab';
import { DocumentsTab } from './documents/DocumentsTab';
import { AuditTab } from './audit/AuditTab';
import { ExportMeetingButton } from '../components/MeetingFileButtons';
import { MeetingKeys } from './MeetingKeys';
import { HallAudio } from '../audio/HallAudio';

const TABS: { tab: MeetingTab; label: string }[] = [
  { tab: 'prepare', label: '1. Chuẩn bị' },
  { tab: 'live', label: '2. Trực tiếp' },
  { tab: 'close', label: '3. Kết thúc' },
  { tab: 'documents', label: '4. Văn bản' },
];

const STATUS: Record<string, string> = { draft: 'Đang chuẩn bị', live: 'Đang diễn ra', closed: 'Đã kết thúc' };

export type MeetingTabProps = { record: MeetingRecord; reload: () => Promise<void> };

type BoundaryState = { error: Error | null; stage: 'saving' | 'saved' | 'unsaved' };

/**
 * A bug in one tab must not take the secretary's text with it. When a tab throws, every field is
 * written first (the fields keep their text outside React, so it is still there), and only then
 * does the message say what happened and offer a way back.
 */
export class TabBoundary extends Component<{ children: ReactNode; onBack: () => void }, BoundaryState> {
  override state: BoundaryState = { error: null, stage: 'saving' };

  static getDerivedStateFromError(error: Error): Partial<BoundaryState> {
    return { error, stage: 'saving' };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('[tab] a screen failed; its fields are being saved', error, info.componentStack);
    flushAllFields();
    // Bounded: a save that keeps failing stays queued (and journaled) and the message says so.
    const bound = new Promise<'unsaved'>((resolve) => setTimeout(() => resolve('unsaved'), 5_000));
    void Promise.race([saveQueue.idle().then(() => 'saved' as const), bound]).then((stage) => this.setState({ stage }));
  }

  private back = (): void => {
    this.setState({ error: null, stage: 'saving' });
    this.props.onBack();
  };

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="banner error" role="alert" data-testid="tab-crashed" data-stage={this.state.stage}>
        <p>
          <strong>Màn hình này gặp lỗi và đã dừng.</strong>{' '}
          {this.state.stage === 'saving'
            ? 'Đang lưu nội dung đã gõ…'
            : this.state.stage === 'saved'
              ? 'Mọi nội dung đã gõ đều đã được lưu.'
              : 'Một số nội dung chưa lưu được; ứng dụng vẫn giữ và tiếp tục thử lưu lại, đừng đóng ứng dụng.'}
        </p>
        <p>Hãy bấm "Mở lại màn hình" để tiếp tục làm việc. Nếu lỗi lặp lại, hãy chuyển sang bước khác rồi quay lại, hoặc khởi động lại ứng dụng.</p>
        <button type="button" onClick={this.back} disabled={this.state.stage === 'saving'} data-testid="tab-crashed-back">
          Mở lại màn hình
        </button>
      </div>
    );
  }
}

export function MeetingScreen({ id, tab }: { id: number; tab: MeetingTab }) {
  const [record, setRecord] = useState<MeetingRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // The record came from meeting.live: most items are skeletons. Only the live tab, which brings
  // them whole itself, may show it; any other tab waits for the whole record its entering reads.
  const [partial, setPartial] = useState(false);
  // Only the newest read's answer is shown: an older one arriving late must not replace it.
  const reads = useRef(0);
  const reload = useCallback(async () => {
    const n = ++reads.current;
    const r = await api.call('meeting.get', { id });
    if (n !== reads.current) return;
    if (r.ok) {
      setRecord(r.value);
      setPartial(false);
      setError(null);
    } else setError(r.error.message);
  }, [id]);
  const firstTabName = useRef(tab);
  useEffect(() => {
    if (firstTabName.current !== 'live') return void reload();
    // Opening on the live screen: one read made for what it shows first (issue 15), the other
    // items after the first paint. At 100× (30,000 entries) meeting.get is 22 MB; this is < 1 MB.
    const n = ++reads.current;
    const focus = selFromHash();
    void api.call('meeting.live', { id, focus: focus && Number.isSafeInteger(focus.id) && focus.id > 0 ? focus : null }).then((r) => {
      if (n !== reads.current) return;
      if (r.ok) {
        setRecord(expandLive(r.value));
        setPartial(r.value.rest.recs.length + r.value.rest.replies.length > 0);
        setError(null);
      } else setError(r.error.message);
    });
  }, [id, reload]);
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
      <MeetingKeys meeting={m} tab={tab} reload={reload} />
      {/* The hall's sound: above the tabs, so switching tabs never stops a recording. */}
      <HallAudio meetingId={id} status={m.status} locked={m.locked}>
        <TabBoundary key={tab} onBack={() => void reload()}>
          {tab === 'live' ? <LiveTab record={record} reload={reload} /> : null}
          {partial && tab !== 'live' ? <div className="muted">Đang mở…</div> : null}
          {partial ? null : (
            <>
              {tab === 'prepare' ? <PrepareTab record={record} reload={reload} /> : null}
              {tab === 'close' ? <CloseTab record={record} reload={reload} /> : null}
              {tab === 'documents' ? <DocumentsTab record={record} reload={reload} /> : null}
              {tab === 'audit' ? <AuditTab record={record} reload={reload} /> : null}
            </>
          )}
        </TabBoundary>
      </HallAudio>
    </div>
  );
}

// Closing the meeting: the end time, what is still missing (with a link to each), and the
// status change. Missing items do not block closing: the secretary often completes phrases and
// topics afterwards, so the list informs rather than forbids. Locking comes later, separately.
import { useState } from 'react';
import type { MeetingTabProps } from '../MeetingScreen';
import { api } from '../../lib/api';
import { flushAllFields } from '../../lib/autosave';
import { LockedArea, LockedNotice } from '../../components/LockedNotice';
import { setMeetingStatus } from '../meeting-actions';
import { nowHHMM } from '../../lib/format';
import { TimeField } from '../../components/fields';
import { closeChecklist, type ChecklistItem } from './checklist';
import './close.css';

function linkFor(meetingId: number, item: ChecklistItem): string {
  const t = item.target;
  if (t.tab === 'prepare') return `#/meeting/${meetingId}/prepare`;
  const kind = t.kind === 'rec' ? 'rec' : 'speech';
  return t.id ? `#/meeting/${meetingId}/live/${kind}-${t.id}` : `#/meeting/${meetingId}/live`;
}

export function CloseTab({ record, reload }: MeetingTabProps) {
  const m = record.meeting;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = closeChecklist(record);
  const missing = items.filter((i) => i.severity === 'missing');
  const warns = items.filter((i) => i.severity === 'warn');
  const answered = new Set(record.replies.flatMap((r) => r.recommendationIds));

  async function setStatus(status: 'live' | 'closed') {
    setBusy(true);
    setError(null);
    const r = await setMeetingStatus(m.id, status);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    await reload();
  }

  return (
    <div className="close-tab" data-testid="close">
      <LockedNotice meeting={m} />
      <LockedArea locked={m.locked}>
        <section className="card close-time">
          <h2>Thời gian</h2>
          <div className="close-time-row">
            <div className="close-fact">
              <span className="muted small">Giờ bắt đầu</span>
              <strong data-testid="close-start">{m.startTime ?? 'chưa ghi'}</strong>
            </div>
            <TimeField
              label="Giờ kết thúc"
              saveKey={`meeting:${m.id}:endTime`}
              value={m.endTime}
              save={(v) =>
                api.call('meeting.update', { id: m.id, patch: { endTime: v } }).then((r) => {
                  if (r.ok) void reload();
                  return r;
                })
              }
              testId="f-end"
            />
            <button type="button" className="now-btn" onClick={() => void api.call('meeting.update', { id: m.id, patch: { endTime: nowHHMM() } }).then((r) => (r.ok ? reload() : setError(r.error.message)))} data-testid="end-now">
              Lấy giờ hiện tại
            </button>
          </div>
          <dl className="close-stats">
            <div>
              <dt>Đại biểu có mặt</dt>
              <dd>
                {record.attendees.filter((a) => a.presence !== 'absent').length}/{record.attendees.length}
              </dd>
            </div>
            <div>
              <dt>Kiến nghị trước hội nghị</dt>
              <dd>{record.recommendations.filter((r) => r.phase === 'before').length}</dd>
            </div>
            <div>
              <dt>Kiến nghị tại hội nghị</dt>
              <dd>{record.recommendations.filter((r) => r.phase === 'during').length}</dd>
            </div>
            <div>
              <dt>Đã có trả lời</dt>
              <dd>
                {record.recommendations.filter((r) => answered.has(r.id)).length}/{record.recommendations.length}
              </dd>
            </div>
            <div>
              <dt>Ảnh</dt>
              <dd>{record.photos.length}</dd>
            </div>
          </dl>
        </section>
      </LockedArea>

      <section className="card" aria-labelledby="check-h">
        <h2 id="check-h">Kiểm tra trước khi kết thúc</h2>
        {items.length === 0 ? (
          <p className="check-ok" data-testid="checklist-ok">
            ✓ Đã đủ: có chủ trì, báo cáo, kết luận, giờ kết thúc; mọi kiến nghị đều có cụm tóm tắt, lĩnh vực và ý kiến trả lời.
          </p>
        ) : (
          <>
            <p className="muted small">
              Còn {missing.length} mục thiếu{warns.length ? ` và ${warns.length} mục nên bổ sung` : ''}. Bấm vào từng mục để đến đúng chỗ cần ghi. Vẫn có thể kết thúc hội nghị rồi bổ
              sung sau.
            </p>
            <ul className="checklist" data-testid="checklist">
              {items.map((i) => (
                <li key={i.key} className={i.severity} data-key={i.key}>
                  <span className="check-mark" aria-hidden="true">
                    {i.severity === 'missing' ? '✗' : '!'}
                  </span>
                  <a href={linkFor(m.id, i)} onClick={flushAllFields}>
                    {i.message}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card close-actions">
        {error ? (
          <div className="banner error" role="alert" data-testid="close-error">
            {error}
          </div>
        ) : null}
        {m.status === 'closed' ? (
          <>
            <p data-testid="closed-note">
              <strong>Hội nghị đã kết thúc</strong>
              {m.endTime ? ` lúc ${m.endTime}` : ''}. Có thể sang bước "4. Văn bản" để làm biên bản, tin bài.
            </p>
            <button type="button" onClick={() => void setStatus('live')} disabled={busy || m.locked} data-testid="reopen-meeting">
              Mở lại hội nghị
            </button>
          </>
        ) : (
          <>
            <button type="button" className="primary big-btn" onClick={() => void setStatus('closed')} disabled={busy} data-testid="close-meeting">
              Kết thúc hội nghị <kbd>Alt+X</kbd>
            </button>
            <span className="muted small">{m.endTime ? '' : 'Nếu chưa ghi giờ kết thúc, ứng dụng ghi giờ hiện tại.'}</span>
          </>
        )}
      </section>
    </div>
  );
}

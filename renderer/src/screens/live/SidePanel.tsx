// Counters and the roster with check-in. A roster row is a real checkbox, so Space toggles
// presence with no key handling of ours; arrow keys move between rows.
import { memo, type ReactNode } from 'react';
import type { Attendee, Recommendation } from '../../../../electron/shared/domain';
import { ROLE_LABELS } from '../../../../electron/shared/domain';

type Counters = { present: number; total: number; before: number; during: number; answered: number; unanswered: number };

export function counters(attendees: Attendee[], recs: Recommendation[], answered: Set<number>): Counters {
  const present = attendees.filter((a) => a.presence !== 'absent').length;
  const ans = recs.filter((r) => answered.has(r.id)).length;
  return {
    present,
    total: attendees.length,
    before: recs.filter((r) => r.phase === 'before').length,
    during: recs.filter((r) => r.phase === 'during').length,
    answered: ans,
    unanswered: recs.length - ans,
  };
}

export const CounterBox = memo(function CounterBox({ c }: { c: Counters }) {
  return (
    <dl className="counters" data-testid="counters">
      <div>
        <dt>Có mặt</dt>
        <dd data-testid="count-present">
          {c.present}/{c.total}
        </dd>
      </div>
      <div>
        <dt>KN trước</dt>
        <dd data-testid="count-before">{c.before}</dd>
      </div>
      <div>
        <dt>KN tại HN</dt>
        <dd data-testid="count-during">{c.during}</dd>
      </div>
      <div>
        <dt>Đã trả lời</dt>
        <dd data-testid="count-answered">{c.answered}</dd>
      </div>
      <div className={c.unanswered ? 'warn' : undefined}>
        <dt>Chưa trả lời</dt>
        <dd data-testid="count-unanswered">{c.unanswered}</dd>
      </div>
    </dl>
  );
});

export const Roster = memo(function Roster({ attendees, onToggle }: { attendees: Attendee[]; onToggle: (a: Attendee, present: boolean) => void }) {
  if (!attendees.length) return <p className="muted small pad">Chưa có đại biểu. Thêm ở bước "1. Chuẩn bị".</p>;
  return (
    <ul className="roster" data-testid="roster">
      {attendees.map((a) => (
        <li key={a.id} className={a.presence === 'absent' ? 'absent' : undefined}>
          <label>
            <input
              type="checkbox"
              checked={a.presence !== 'absent'}
              onChange={(e) => onToggle(a, e.target.checked)}
              data-testid={`presence-${a.id}`}
              onKeyDown={(e) => {
                // Up/Down walk the roster; Space (native) toggles. Nothing else is touched.
                if (e.nativeEvent.isComposing || e.keyCode === 229 || e.altKey || e.ctrlKey) return;
                if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
                const boxes = [...(e.currentTarget.closest('.roster')?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? [])];
                const i = boxes.indexOf(e.currentTarget);
                const next = boxes[e.key === 'ArrowDown' ? i + 1 : i - 1];
                if (next) {
                  e.preventDefault();
                  next.focus();
                }
              }}
            />
            <span className="r-name">{a.fullName}</span>
            <span className="r-meta">{a.titles.join(', ') || ROLE_LABELS[a.role]}</span>
            <span className="r-state">{a.presence === 'absent' ? 'Vắng' : a.presence === 'late' ? 'Đến muộn' : 'Có mặt'}</span>
          </label>
        </li>
      ))}
    </ul>
  );
});

export function SideTabs({ tab, setTab, photoCount, children }: { tab: 'roster' | 'photos'; setTab: (t: 'roster' | 'photos') => void; photoCount: number; children: ReactNode }) {
  return (
    <div className="side-tabs">
      <div role="tablist" className="side-tablist">
        <button type="button" role="tab" aria-selected={tab === 'roster'} onClick={() => setTab('roster')} data-testid="side-tab-roster">
          Điểm danh
        </button>
        <button type="button" role="tab" aria-selected={tab === 'photos'} onClick={() => setTab('photos')} data-testid="side-tab-photos">
          Ảnh ({photoCount})
        </button>
      </div>
      <div role="tabpanel" className="side-body">
        {children}
      </div>
    </div>
  );
}

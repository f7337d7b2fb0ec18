// The register's filters, as a secretary asks: which status, which agency, which field, which
// meeting, received when, due within how many days, overdue, and a search that finds "song pheo"
// in "sông Pheo". Every control is a plain input, reachable with Tab; Enter in the search goes
// to the list.
import { useId, type RefObject } from 'react';
import type { MeetingSummary } from '../../../../electron/shared/domain';
import type { Agency, FollowupStatus } from '../../../../electron/shared/followup';
import { isoToVnDate } from '../../lib/format';
import { isComposing } from '../live/shortcuts';
import { dateProblem, type FilterState } from './filters';

type Props = {
  filter: FilterState;
  onChange: (f: FilterState) => void;
  onClear: () => void;
  activeCount: number;
  statuses: FollowupStatus[];
  agencies: Agency[];
  meetings: MeetingSummary[];
  searchRef: RefObject<HTMLInputElement | null>;
  onSearchEnter: () => void;
};

/** "mọi trạng thái", "Đang giải quyết", "3 trạng thái". */
function statusSummary(chosen: string[], statuses: FollowupStatus[]): string {
  if (!chosen.length) return 'tất cả';
  if (chosen.length === 1) return statuses.find((s) => s.key === chosen[0])?.label ?? chosen[0] ?? '';
  return `${chosen.length} trạng thái`;
}

export function FilterBar(p: Props) {
  const id = useId();
  const f = p.filter;
  const set = (patch: Partial<FilterState>) => p.onChange({ ...f, ...patch });
  const toggleStatus = (key: string, on: boolean) => set({ statuses: on ? [...f.statuses, key] : f.statuses.filter((s) => s !== key) });
  const fromProblem = dateProblem(f.from);
  const toProblem = dateProblem(f.to);
  return (
    <section className="reg-filters card" aria-label="Lọc danh sách" data-testid="reg-filters">
      <div className="reg-filter-row">
        <div className="field reg-search">
          <label htmlFor="reg-search">
            Tìm <kbd>/</kbd>
          </label>
          <input
            id="reg-search"
            ref={p.searchRef}
            type="search"
            value={f.query}
            onChange={(e) => set({ query: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !isComposing(e.nativeEvent)) {
                e.preventDefault();
                p.onSearchEnter();
              }
            }}
            placeholder="Gõ có dấu hoặc không dấu, ví dụ: song pheo, ngap ung"
            spellCheck={false}
            data-testid="reg-search"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-agency`}>Cơ quan</label>
          <input id={`${id}-agency`} type="text" list={`${id}-agencies`} value={f.agency} onChange={(e) => set({ agency: e.target.value })} placeholder="Mọi cơ quan" spellCheck={false} data-testid="reg-filter-agency" />
          <datalist id={`${id}-agencies`}>
            {p.agencies.map((a) => (
              <option key={a.id} value={a.name} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor={`${id}-topic`}>Lĩnh vực</label>
          <input id={`${id}-topic`} type="text" value={f.topic} onChange={(e) => set({ topic: e.target.value })} placeholder="Mọi lĩnh vực" spellCheck={false} data-testid="reg-filter-topic" />
        </div>
        <div className="field reg-meeting">
          <label htmlFor={`${id}-meeting`}>Hội nghị</label>
          <select id={`${id}-meeting`} value={f.meetingId ?? ''} onChange={(e) => set({ meetingId: e.target.value ? Number(e.target.value) : null })} data-testid="reg-filter-meeting">
            <option value="">Mọi hội nghị</option>
            {p.meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {isoToVnDate(m.date) || 'chưa có ngày'} · {m.title || '(chưa đặt tên)'}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="reg-filter-row">
        <div className="field reg-date">
          <label htmlFor={`${id}-from`}>Nhận từ ngày</label>
          <input id={`${id}-from`} type="text" value={f.from} onChange={(e) => set({ from: e.target.value })} placeholder="ngày/tháng/năm" aria-invalid={fromProblem ? true : undefined} data-testid="reg-filter-from" />
        </div>
        <div className="field reg-date">
          <label htmlFor={`${id}-to`}>đến ngày</label>
          <input id={`${id}-to`} type="text" value={f.to} onChange={(e) => set({ to: e.target.value })} placeholder="ngày/tháng/năm" aria-invalid={toProblem ? true : undefined} data-testid="reg-filter-to" />
        </div>
        <div className="field reg-days">
          <label htmlFor={`${id}-due`}>Đến hạn trong (ngày)</label>
          <input
            id={`${id}-due`}
            type="text"
            inputMode="numeric"
            value={f.dueWithinDays ?? ''}
            onChange={(e) => set({ dueWithinDays: /^\d{1,4}$/.test(e.target.value) ? Math.min(3650, Number(e.target.value)) : null })}
            placeholder="ví dụ 7"
            data-testid="reg-filter-due"
          />
        </div>
        <label className="reg-check">
          <input type="checkbox" checked={f.overdue} onChange={(e) => set({ overdue: e.target.checked })} data-testid="reg-filter-overdue" /> Quá hạn <kbd>Alt+Q</kbd>
        </label>
        <details
          className="reg-status-filter"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && e.currentTarget.open) {
              e.preventDefault();
              e.currentTarget.open = false;
              e.currentTarget.querySelector('summary')?.focus();
            }
          }}
          data-testid="reg-status-filter"
        >
          <summary>
            Trạng thái: <strong>{statusSummary(f.statuses, p.statuses)}</strong>
          </summary>
          <fieldset className="reg-statuses">
            <legend>Chỉ hiện các trạng thái được chọn (không chọn: mọi trạng thái)</legend>
            {p.statuses.map((s) => (
              <label key={s.key} className={`reg-chip cat-${s.category}${f.statuses.includes(s.key) ? ' on' : ''}`}>
                <input type="checkbox" checked={f.statuses.includes(s.key)} onChange={(e) => toggleStatus(s.key, e.target.checked)} data-testid={`reg-filter-status-${s.key}`} /> {s.label}
                {s.active ? '' : ' (đã ẩn)'}
              </label>
            ))}
          </fieldset>
        </details>
        <button type="button" className="link" onClick={p.onClear} disabled={!p.activeCount} data-testid="reg-clear">
          Bỏ lọc{p.activeCount ? ` (${p.activeCount})` : ''}
        </button>
      </div>
      {fromProblem || toProblem ? (
        <div className="field-error" role="alert">
          {fromProblem ?? toProblem}
        </div>
      ) : null}
    </section>
  );
}

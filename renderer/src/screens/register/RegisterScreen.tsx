// "Theo dõi kiến nghị": every kiến nghị and every task of a chair's conclusion, across all
// meetings, followed to its resolution. Keyboard-first like the Live screen: "/" (or Ctrl+F)
// to the search, ↑ ↓ through the list, Enter into the item, Alt+letter to a field of the change,
// Ctrl+Enter to record it, Esc back to the list. The list is virtualised and fetched a page at a
// time, so 100,000 items scroll and filter as smoothly as ten.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RegisterFilter, RegisterItem } from '../../../../electron/shared/followup';
import { api } from '../../lib/api';
import { useData } from '../../lib/use-data';
import { isoToVnDate } from '../../lib/format';
import { saveFile } from '../../lib/files';
import { isComposing, isTextTarget } from '../live/shortcuts';
import { activeFilterCount, dueText, EMPTY_FILTER, filterParams, parseFilterParams, toRegisterFilter, type FilterState } from './filters';
import { FilterBar } from './FilterBar';
import { ItemPanel } from './ItemPanel';
import { ReportDialog } from './ReportDialog';
import { useRegisterPages } from './use-register-pages';
import './register.css';

const ROW_HEIGHT = 66;

/** Which field of the item's form a screen key goes to. */
const FIELD_KEYS: Record<string, string> = { KeyT: 'reg-f-status', KeyC: 'reg-f-agency', KeyH: 'reg-f-deadline', KeyV: 'reg-f-docnumber', KeyG: 'reg-f-note' };

export const REGISTER_KEYS: { keys: string; label: string }[] = [
  { keys: '/ hoặc Ctrl+F', label: 'tìm' },
  { keys: '↑ ↓', label: 'chọn' },
  { keys: 'Enter', label: 'mở để cập nhật' },
  { keys: 'Alt+T / C / H / V / G', label: 'trạng thái, cơ quan, thời hạn, văn bản, ghi chú' },
  { keys: 'Ctrl+Enter', label: 'ghi' },
  { keys: 'Esc', label: 'về danh sách' },
  { keys: 'Alt+Q', label: 'lọc quá hạn' },
  { keys: 'Alt+B', label: 'báo cáo theo kỳ' },
];

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function RegisterScreen({ params }: { params: string }) {
  const [filter, setFilter] = useState<FilterState>(() => parseFilterParams(params));
  const written = useRef(filterParams(parseFilterParams(params)));
  const statuses = useData('followup.statuses', {});
  const agencies = useData('agency.list', {});
  const meetings = useData('meeting.list', { limit: 10_000 });
  // Typing in the search, agency or field waits for a pause; a click on a filter answers at once.
  const typed = useDebounced(JSON.stringify([filter.query.trim(), filter.agency.trim(), filter.topic.trim()]), 180);
  const effective = withTyped(toRegisterFilter(filter), typed);
  const effectiveKey = JSON.stringify(effective);
  const pages = useRegisterPages(effective);
  const [sel, setSel] = useState(0);
  const [selUid, setSelUid] = useState<string | null>(null);
  const [reportOpen, setReportOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const total = pages.total ?? 0;

  // The address follows the filters (replaceState: a filter is not a step for the Back button).
  useEffect(() => {
    const p = filterParams(filter);
    written.current = p;
    const want = p ? `#/register?${p}` : '#/register';
    if (window.location.hash !== want) window.history.replaceState(null, '', want);
  }, [filter]);
  // A link to another filter of this screen (Home's counts, the top menu) replaces the filters.
  useEffect(() => {
    const on = () => {
      const h = window.location.hash;
      if (!/^#\/register\b/.test(h)) return;
      const p = h.includes('?') ? h.slice(h.indexOf('?') + 1) : '';
      if (p !== written.current) setFilter(parseFilterParams(p));
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);

  // A new filter starts at the top of its list.
  useEffect(() => {
    setSel(0);
    listRef.current?.scrollTo({ top: 0 });
  }, [effectiveKey]);

  // The virtualizer's functions change with its state; this component is not memoised by the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => listRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? 0;
  const { ensure } = pages;
  useEffect(() => {
    if (total) ensure(first, last);
  }, [first, last, total, ensure]);

  const current = total ? pages.item(Math.min(sel, total - 1)) : undefined;
  useEffect(() => {
    setSelUid(current?.uid ?? null);
  }, [current?.uid]);

  const move = useCallback(
    (to: number) => {
      if (!total) return;
      const i = Math.max(0, Math.min(total - 1, to));
      setSel(i);
      virtualizer.scrollToIndex(i, { align: 'auto' });
    },
    [total, virtualizer],
  );

  const focusList = useCallback(() => listRef.current?.focus(), []);

  const focusField = (id: string) => {
    const el = document.getElementById(id);
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
      el.focus();
      if (el instanceof HTMLInputElement) el.select();
    }
  };

  // The screen's keys: one window listener, always running the latest state.
  const keysRef = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keysRef.current = (e: KeyboardEvent) => {
    if (isComposing(e) || document.querySelector('dialog[open]')) return;
    const inText = isTextTarget(e.target);
    const alt = e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
    if ((e.key === '/' && !inText && !e.ctrlKey && !e.altKey) || (e.key.toLowerCase() === 'f' && e.ctrlKey && !e.altKey && !e.shiftKey)) {
      e.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    } else if (alt && FIELD_KEYS[e.code] && selUid) {
      e.preventDefault();
      focusField(FIELD_KEYS[e.code] ?? '');
    } else if (alt && e.code === 'KeyQ') {
      e.preventDefault();
      setFilter((f) => ({ ...f, overdue: !f.overdue }));
    } else if (alt && e.code === 'KeyB') {
      e.preventDefault();
      setReportOpen(true);
    } else if (alt && e.code === 'KeyL') {
      e.preventDefault();
      focusList();
    }
  };
  useEffect(() => {
    const on = (e: KeyboardEvent) => keysRef.current(e);
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);

  const onListKey = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? ROW_HEIGHT * 8) / ROW_HEIGHT) - 1);
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key in step) {
      e.preventDefault();
      move(sel + (step[e.key] ?? 0));
    } else if (e.key === 'Home') {
      e.preventDefault();
      move(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      move(total - 1);
    } else if (e.key === 'Enter' && current) {
      e.preventDefault();
      // The panel renders the item once read; the status field waits for it.
      waitFor('reg-f-status', current.uid);
    }
  };

  async function exportXlsx() {
    setMessage(null);
    const r = await api.call('register.export', effective);
    if (!r.ok) return setMessage(r.error.message);
    saveFile(r.value.fileName, r.value.mime, r.value.dataBase64);
    setMessage(`Đã xuất «${r.value.fileName}» (${total} mục theo bộ lọc đang chọn).`);
  }

  const statusList = statuses.data ?? [];
  const n = activeFilterCount(filter);
  // The total shown belongs to the filter the core answered, not to one still being typed.
  const answered = Object.keys(effective).length;
  return (
    <div className="register" data-testid="register">
      <div className="reg-head">
        <h1>Theo dõi kiến nghị</h1>
        <span className="muted" data-testid="reg-total" aria-live="polite">
          {pages.total === null ? 'Đang tìm…' : `${pages.total.toLocaleString('vi-VN')} mục${answered ? ' theo bộ lọc' : ''}`}
        </span>
        <span className="reg-head-actions">
          <button type="button" onClick={() => setReportOpen(true)} data-testid="reg-report">
            Báo cáo theo kỳ… <kbd>Alt+B</kbd>
          </button>
          <button type="button" onClick={() => void exportXlsx()} disabled={!pages.total} data-testid="reg-export-xlsx">
            Xuất Excel danh sách này
          </button>
        </span>
      </div>
      <FilterBar
        filter={filter}
        onChange={setFilter}
        onClear={() => setFilter(EMPTY_FILTER)}
        activeCount={n}
        statuses={statusList}
        agencies={agencies.data ?? []}
        meetings={meetings.data ?? []}
        searchRef={searchRef}
        onSearchEnter={focusList}
      />
      {pages.error || statuses.error ? (
        <div className="banner error" role="alert" data-testid="reg-error">
          {pages.error ?? statuses.error}
        </div>
      ) : null}
      {message ? (
        <div className="banner info" role="status" data-testid="reg-message">
          {message}
        </div>
      ) : null}
      <div className="reg-body">
        <div
          ref={listRef}
          className="reg-list"
          role="listbox"
          tabIndex={0}
          aria-label="Danh sách kiến nghị"
          aria-activedescendant={current ? `reg-row-${current.uid}` : undefined}
          onKeyDown={onListKey}
          data-testid="reg-list"
        >
          {pages.total === null && !pages.error ? <p className="muted reg-empty">Đang tìm…</p> : null}
          {pages.total === 0 ? (
            <p className="muted reg-empty" data-testid="reg-empty">
              {n ? 'Không có mục nào theo bộ lọc này. Bấm "Bỏ lọc" để xem tất cả.' : 'Chưa có kiến nghị nào. Kiến nghị ghi ở các hội nghị sẽ hiện ở đây để theo dõi.'}
            </p>
          ) : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {rows.map((v) => {
              const it = pages.item(v.index);
              return (
                <div
                  key={v.key}
                  className="reg-row-slot"
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    setSel(v.index);
                    focusList();
                  }}
                >
                  {it ? <Row item={it} selected={v.index === sel} /> : <div className="reg-row muted">Đang tải…</div>}
                </div>
              );
            })}
          </div>
        </div>
        <ItemPanel
          uid={selUid}
          statuses={statusList}
          agencies={agencies.data ?? []}
          onSaved={pages.replace}
          onAgencyAdded={() => void agencies.reload()}
          onBack={focusList}
        />
      </div>
      <p className="reg-keys muted small" aria-label="Phím tắt">
        {REGISTER_KEYS.map((k) => (
          <span key={k.keys}>
            <kbd>{k.keys}</kbd> {k.label}
          </span>
        ))}
      </p>
      {reportOpen ? <ReportDialog onClose={() => setReportOpen(false)} /> : null}
    </div>
  );
}

/** The filter with its typed parts as they were at the last pause in typing. */
function withTyped(f: RegisterFilter, typed: string): RegisterFilter {
  const [query, agency, topic] = JSON.parse(typed) as [string, string, string];
  const out: RegisterFilter = { ...f };
  delete out.query;
  delete out.agency;
  delete out.topic;
  if (query) out.query = query;
  if (agency) out.agency = agency;
  if (topic) out.topic = topic;
  return out;
}

/** Focuses a field of the item panel once the panel shows that item (it is read after Enter). */
function waitFor(fieldId: string, uid: string, tries = 100): void {
  const panel = document.querySelector(`[data-testid="reg-panel"][data-uid="${uid}"]`);
  const el = panel ? document.getElementById(fieldId) : null;
  if (el instanceof HTMLElement) return el.focus();
  if (tries > 0) setTimeout(() => waitFor(fieldId, uid, tries - 1), 50);
}

function Row({ item, selected }: { item: RegisterItem; selected: boolean }) {
  const due = dueText(item.daysLeft, item.overdue);
  return (
    <div id={`reg-row-${item.uid}`} role="option" aria-selected={selected} className={`reg-row${selected ? ' selected' : ''}${item.overdue ? ' overdue' : ''}`} data-testid="reg-row" data-uid={item.uid}>
      <div className="reg-row-top">
        <span className={`reg-status cat-${item.category}`}>{item.statusLabel}</span>
        {item.kind === 'direction' ? <span className="reg-badge">nhiệm vụ</span> : null}
        <span className="reg-row-agency">{item.agency || <span className="muted">chưa giao cơ quan</span>}</span>
        {item.deadline ? (
          <span className={item.overdue ? 'reg-overdue' : 'muted'}>
            hạn {isoToVnDate(item.deadline)}
            {due ? ` · ${due}` : ''}
          </span>
        ) : null}
        {item.document?.number ? <span className="muted">văn bản {item.document.number}</span> : null}
        {item.conflict ? <span className="reg-badge warn">có sửa trùng</span> : null}
      </div>
      <div className="reg-row-content">{item.shortPhrase || item.content}</div>
      <div className="reg-row-meta muted small">
        {[isoToVnDate(item.meetingDate), item.meetingTitle, item.topic, item.raisedBy].filter(Boolean).join(' · ')}
      </div>
    </div>
  );
}

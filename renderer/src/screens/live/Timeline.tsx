// What happened, in order. Virtualised (@tanstack/react-virtual): only the rows in view, and a
// margin around them, are in the page, so a meeting of 30,000 entries costs a keystroke no more
// than one of 30. What virtualising would otherwise break is kept on purpose:
// - the selected row and the row holding the focus are always rendered, wherever the list is
//   scrolled, so the focus is never dropped to the page body by a scroll;
// - keyboard: ↑/↓, Home/End move between rows (and scroll to them), Enter opens one; Alt+↑/↓
//   work from anywhere on the screen (LiveTab);
// - screen readers hear "3 of 3,000": each row carries aria-posinset and aria-setsize;
// - find-in-page (Ctrl+F) only sees the rendered rows, so the timeline has its own filter.
// Rows are memoised on their item: a save replaces one item, so at most one row re-renders.
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { Attendee } from '../../../../electron/shared/domain';
import { SPEECH_LABEL, isSkeleton, sameOrder, speakerName, type Entry, type Sel } from './model';
import { shortLabel } from './timeline-filter';
import { ListenButton } from '../../audio/ListenButton';
import { SpeechStrip } from '../../audio/SpeechStrip';

type Props = {
  entries: Entry[];
  attendees: Attendee[];
  selected: Sel | null;
  marked: Set<number>;
  answered: Set<number>;
  recLabels: Map<number, string>;
  onSelect: (s: Sel) => void;
  onMark: (recId: number, on: boolean) => void;
  /** The pre-meeting items folded away while the meeting is live (null: nothing to fold). */
  fold?: { count: number; folded: boolean; toggle: () => void } | null;
  /** The timeline's own filter (the find-in-page of a virtualised list); absent: no filter box. */
  filter?: { query: string; setQuery: (q: string) => void; total: number } | null;
};

/** A row's height before it is measured: one line of badge and name, two of text. */
const ESTIMATE_PX = 62;
/** Rows rendered beyond each edge of the view: enough for a quick scroll and a page of Tab. */
const OVERSCAN = 20;

const keyOf = (e: Pick<Entry, 'kind' | 'id'>) => `${e.kind}${e.id}`;

export function Timeline({ entries, attendees, selected, marked, answered, recLabels, onSelect, onMark, fold, filter }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The row holding the focus (a row's button or its checkbox), kept rendered while it has it.
  const [focusKey, setFocusKey] = useState<string | null>(null);
  // A row the keyboard moved to: focused once it is rendered.
  const focusNext = useRef<string | null>(null);

  const selIndex = selected ? entries.findIndex((e) => e.kind === selected.kind && e.id === selected.id) : -1;
  const focusIndex = focusKey === null ? -1 : entries.findIndex((e) => keyOf(e) === focusKey);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const idx = defaultRangeExtractor(range);
      const extra = [selIndex, focusIndex].filter((i) => i >= 0 && i < range.count && !idx.includes(i));
      return extra.length ? [...idx, ...extra].sort((a, b) => a - b) : idx;
    },
    [selIndex, focusIndex],
  );

  // The virtualiser lays every row out again (30,000 of them) whenever getItemKey changes, so it
  // changes only when the order of the rows does, not when a save replaces one item in place.
  const entriesRef = useRef(entries);
  const orderVersion = useRef(0);
  if (entriesRef.current !== entries) {
    if (!sameOrder(entriesRef.current, entries)) orderVersion.current++;
    entriesRef.current = entries;
  }
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new function exactly when the order changed
  const getItemKey = useCallback((i: number) => keyOf(entriesRef.current[i]), [orderVersion.current]);

  // The app is not built with the React Compiler (nothing here is auto-memoised), so the
  // compiler's warning about this hook's unmemoisable functions does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATE_PX,
    overscan: OVERSCAN,
    getItemKey,
    rangeExtractor,
  });

  // Keep the selected row in view when it is changed by keyboard or created off screen.
  useEffect(() => {
    if (selIndex >= 0) virtualizer.scrollToIndex(selIndex, { align: 'auto' });
    // Only when the selection changes, not on every save of the selected item.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected]);

  // A row moved to by ↑/↓/Home/End: focused as soon as it is rendered. The focus key puts it in
  // the range, but a render may come first (a save's or an item's arrival landing between the key
  // and its render, on a busy laptop): then the next render, the scroll's, focuses it. Dropped
  // when the focus has gone elsewhere meanwhile (another row, or out of the list).
  useEffect(() => {
    const k = focusNext.current;
    if (k === null) return;
    if (focusKey !== k) {
      focusNext.current = null;
      return;
    }
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-key="${k}"] .tl-main`);
    if (!row) return;
    focusNext.current = null;
    row.focus();
  });

  const onKeyDown = (ev: KeyboardEvent<HTMLOListElement>) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.nativeEvent.isComposing) return;
    const row = (ev.target as HTMLElement).closest<HTMLElement>('.tl-row');
    if (!row) return;
    const i = entries.findIndex((e) => keyOf(e) === row.dataset.key);
    if (i < 0) return;
    const to = ev.key === 'ArrowDown' ? i + 1 : ev.key === 'ArrowUp' ? i - 1 : ev.key === 'Home' ? 0 : ev.key === 'End' ? entries.length - 1 : null;
    if (to === null) return;
    ev.preventDefault();
    if (to < 0 || to >= entries.length || to === i) return;
    const k = keyOf(entries[to]);
    focusNext.current = k;
    setFocusKey(k);
    virtualizer.scrollToIndex(to, { align: 'auto' });
  };

  const items = virtualizer.getVirtualItems();
  return (
    <section className="timeline" aria-label="Diễn biến hội nghị">
      <h2 className="col-title">
        Diễn biến{' '}
        <span className="muted small" data-testid="tl-count">
          ({filter && filter.query.trim() ? `${entries.length}/${filter.total}` : entries.length} mục)
        </span>
      </h2>
      {filter ? (
        <input
          type="search"
          className="tl-filter"
          value={filter.query}
          onChange={(e) => filter.setQuery(e.target.value)}
          placeholder="Lọc: tên, nội dung, KN 12…"
          aria-label="Lọc diễn biến theo tên, nội dung hoặc số kiến nghị (không cần gõ dấu)"
          data-testid="tl-filter"
        />
      ) : null}
      {fold ? (
        <button type="button" className="tl-fold" onClick={fold.toggle} aria-expanded={!fold.folded} data-testid="tl-fold">
          {fold.folded ? `▸ Hiện ${fold.count} mục trước hội nghị (đang thu gọn)` : `▾ Thu gọn ${fold.count} mục trước hội nghị`}
        </button>
      ) : null}
      {entries.length === 0 ? (
        filter && filter.query.trim() ? (
          <p className="muted small pad" data-testid="tl-no-match">
            Không có mục nào khớp «{filter.query.trim()}». Xóa ô lọc để xem lại mọi mục.
          </p>
        ) : (
          <p className="muted small pad">Chưa ghi gì. Bắt đầu bằng báo cáo (Alt+B) hoặc kiến nghị (F2).</p>
        )
      ) : null}
      <div className="tl-scroll" ref={scrollRef}>
        <ol
          className="tl-list"
          data-testid="timeline"
          aria-label="Các mục đã ghi, theo thứ tự"
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
          onFocus={(ev) => setFocusKey((ev.target as HTMLElement).closest<HTMLElement>('.tl-row')?.dataset.key ?? null)}
          onBlur={(ev) => {
            // Leaving the list altogether (not moving between rows): nothing to keep rendered.
            if (!ev.currentTarget.contains(ev.relatedTarget as Node | null)) setFocusKey(null);
          }}
        >
          {items.map((vi) => {
            const e = entries[vi.index];
            return (
              <Row
                key={vi.key}
                index={vi.index}
                setSize={entries.length}
                start={vi.start}
                measure={virtualizer.measureElement}
                entry={e}
                who={whoOf(e, attendees)}
                label={e.kind === 'rec' ? (recLabels.get(e.id) ?? '') : ''}
                selected={selIndex === vi.index}
                marked={e.kind === 'rec' && marked.has(e.id)}
                answered={e.kind === 'rec' && answered.has(e.id)}
                onSelect={onSelect}
                onMark={onMark}
              />
            );
          })}
        </ol>
      </div>
      <SpeechStrip />
    </section>
  );
}

function whoOf(e: Entry, attendees: Attendee[]): string {
  if (e.kind === 'rec') return speakerName(attendees, e.item.raisedByAttendeeId, e.item.raisedByText);
  if (e.kind === 'reply') return speakerName(attendees, e.item.responderAttendeeId, e.item.responderText);
  return speakerName(attendees, e.item.speakerAttendeeId, e.item.speakerText);
}

type RowProps = {
  index: number;
  setSize: number;
  /** Offset from the top of the list, in pixels (the virtualiser's layout). */
  start: number;
  measure: (el: HTMLElement | null) => void;
  entry: Entry;
  who: string;
  label: string;
  selected: boolean;
  marked: boolean;
  answered: boolean;
  onSelect: (s: Sel) => void;
  onMark: (recId: number, on: boolean) => void;
};

const Row = memo(function Row({ index, setSize, start, measure, entry: e, who, label, selected, marked, answered, onSelect, onMark }: RowProps) {
  const time = e.kind === 'rec' ? e.item.raisedAt : e.kind === 'reply' ? e.item.repliedAt : e.item.at;
  let badge: string;
  let text: string;
  if (e.kind === 'rec') {
    badge = shortLabel(label);
    text = e.item.shortPhrase || e.item.content;
  } else if (e.kind === 'reply') {
    badge = 'Trả lời';
    text = e.item.content;
  } else {
    badge = SPEECH_LABEL[e.item.kind];
    text = e.item.summary || (e.item.directions.length ? `${e.item.directions.length} ý chỉ đạo` : '');
  }
  return (
    <li
      ref={measure}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      style={{ transform: `translateY(${start}px)` }}
      className={`tl-row tl-${e.kind}${e.kind === 'speech' ? ` tl-${e.item.kind}` : ''}${e.kind === 'rec' ? ` tl-${e.item.phase}` : ''}${selected ? ' selected' : ''}`}
      data-key={`${e.kind}${e.id}`}
      data-testid="tl-row"
      aria-current={selected ? 'true' : undefined}
    >
      <button type="button" className="tl-main" onClick={() => onSelect({ kind: e.kind, id: e.id })} data-testid={`tl-${e.kind}-${e.id}`}>
        <span className="tl-time">{time ?? '—'}</span>
        <span className="tl-body">
          <span className="tl-badge">{badge}</span>
          {who ? <span className="tl-who">{who}</span> : null}
          {/* A row whose item is still on its way (the first read sends the rows in view whole, the rest a moment later). */}
          <span className="tl-text">{isSkeleton(e.item) ? <span className="muted" aria-busy="true">…</span> : text ? clip(text) : <em className="muted">(chưa có nội dung)</em>}</span>
          {e.kind === 'reply' && e.item.recommendationIds.length ? <span className="tl-meta">cho {e.item.recommendationIds.length} kiến nghị</span> : null}
        </span>
      </button>
      <ListenButton kind={e.kind} id={e.id} />
      {e.kind === 'rec' ? (
        <span className="tl-side">
          <span className={answered ? 'tl-ans yes' : 'tl-ans no'} title={answered ? 'Đã có ý kiến trả lời' : 'Chưa có ý kiến trả lời'}>
            {answered ? '✓ đã trả lời' : 'chưa trả lời'}
          </span>
          <label className="tl-mark" title="Đánh dấu để trả lời chung nhiều kiến nghị">
            <input type="checkbox" checked={marked} onChange={(ev) => onMark(e.id, ev.target.checked)} aria-label={`Đánh dấu ${label} để trả lời`} />
          </label>
        </span>
      ) : null}
    </li>
  );
});

function clip(s: string): string {
  return s.length > 140 ? `${s.slice(0, 140)}…` : s;
}

// What happened, in order. Rows are memoised on their item: a save replaces one item, so one
// row re-renders; typing in the entry panel re-renders none.
import { memo, useEffect, useRef } from 'react';
import type { Attendee } from '../../../../electron/shared/domain';
import { SPEECH_LABEL, speakerName, type Entry, type Sel } from './model';

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
};

export function Timeline({ entries, attendees, selected, marked, answered, recLabels, onSelect, onMark, fold }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  // Keep the selected row in view when it is changed by keyboard or created off screen.
  useEffect(() => {
    if (!selected) return;
    listRef.current?.querySelector<HTMLElement>(`[data-key="${selected.kind}${selected.id}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <section className="timeline" aria-label="Diễn biến hội nghị">
      <h2 className="col-title">
        Diễn biến <span className="muted small">({entries.length} mục)</span>
      </h2>
      {fold ? (
        <button type="button" className="tl-fold" onClick={fold.toggle} aria-expanded={!fold.folded} data-testid="tl-fold">
          {fold.folded ? `▸ Hiện ${fold.count} mục trước hội nghị (đang thu gọn)` : `▾ Thu gọn ${fold.count} mục trước hội nghị`}
        </button>
      ) : null}
      {entries.length === 0 ? <p className="muted small pad">Chưa ghi gì. Bắt đầu bằng báo cáo (Alt+B) hoặc kiến nghị (F2).</p> : null}
      <ol className="tl-list" ref={listRef} data-testid="timeline">
        {entries.map((e) => (
          <Row
            key={`${e.kind}${e.id}`}
            entry={e}
            who={whoOf(e, attendees)}
            label={e.kind === 'rec' ? (recLabels.get(e.id) ?? '') : ''}
            selected={selected?.kind === e.kind && selected.id === e.id}
            marked={e.kind === 'rec' && marked.has(e.id)}
            answered={e.kind === 'rec' && answered.has(e.id)}
            onSelect={onSelect}
            onMark={onMark}
          />
        ))}
      </ol>
    </section>
  );
}

function whoOf(e: Entry, attendees: Attendee[]): string {
  if (e.kind === 'rec') return speakerName(attendees, e.item.raisedByAttendeeId, e.item.raisedByText);
  if (e.kind === 'reply') return speakerName(attendees, e.item.responderAttendeeId, e.item.responderText);
  return speakerName(attendees, e.item.speakerAttendeeId, e.item.speakerText);
}

type RowProps = {
  entry: Entry;
  who: string;
  label: string;
  selected: boolean;
  marked: boolean;
  answered: boolean;
  onSelect: (s: Sel) => void;
  onMark: (recId: number, on: boolean) => void;
};

const Row = memo(function Row({ entry: e, who, label, selected, marked, answered, onSelect, onMark }: RowProps) {
  const time = e.kind === 'rec' ? e.item.raisedAt : e.kind === 'reply' ? e.item.repliedAt : e.item.at;
  let badge: string;
  let text: string;
  if (e.kind === 'rec') {
    badge = label.replace('Kiến nghị trước hội nghị số ', 'KN trước ').replace('Kiến nghị tại hội nghị số ', 'KN ');
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
          <span className="tl-text">{text ? clip(text) : <em className="muted">(chưa có nội dung)</em>}</span>
          {e.kind === 'reply' && e.item.recommendationIds.length ? <span className="tl-meta">cho {e.item.recommendationIds.length} kiến nghị</span> : null}
        </span>
      </button>
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

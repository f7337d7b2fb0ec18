// Who spoke: type-ahead over the meeting's roster (folded: "cuong" finds Cương, "ttc" finds
// Trần Thế Cương) and the directory, with free text as the fallback for a name that is in
// neither (a citizen, "cán bộ, hội viên phụ nữ phường Tây Tựu").
// The input is a plain autosaved field: what is typed is saved as free text like any other
// text. Picking a suggestion saves the link instead, through the same save-queue key, so a
// pick can never be overwritten by the half-typed query.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Attendee, Person } from '../../../../electron/shared/domain';
import type { Result } from '../../../../electron/shared/result';
import { matchName } from '../../../../electron/shared/vi/fold';
import { api } from '../../lib/api';
import { useAutosave } from '../../lib/autosave';
import { saveQueue } from '../../lib/save-queue';
import { LIMITS } from '../../../../electron/shared/limits';
import { isComposing } from './shortcuts';

export type Choice = { kind: 'attendee'; attendee: Attendee } | { kind: 'person'; person: Person };

type Props = {
  label: string;
  saveKey: string;
  attendees: Attendee[];
  attendeeId: number | null;
  text: string;
  /** Free text typed in the field. */
  saveText: (v: string) => Promise<Result<unknown>>;
  /** A suggestion was chosen; the parent updates its item at once and returns the save. */
  pick: (p: Choice) => () => Promise<Result<unknown>>;
  placeholder?: string;
  testId?: string;
  autoFocus?: boolean;
};

export function attendeeLabel(a: Pick<Attendee, 'fullName' | 'titles'>): string {
  return a.titles.length ? `${a.fullName} – ${a.titles.join(', ')}` : a.fullName;
}

export function SpeakerPicker(p: Props) {
  // A pick remounts the field so it shows the picked name (a focused field never takes an
  // outside value, by design, so it cannot be told to change while the cursor is in it).
  const [nonce, setNonce] = useState(0);
  return <PickerField key={nonce} {...p} afterPick={() => setNonce((n) => n + 1)} />;
}

function PickerField(p: Props & { afterPick: () => void }) {
  const id = useId();
  const attendee = p.attendeeId ? p.attendees.find((a) => a.id === p.attendeeId) : undefined;
  const shown = attendee ? attendee.fullName : p.text;
  const f = useAutosave({
    saveKey: p.saveKey,
    value: shown,
    save: p.saveText,
    check: (v) => (v.length > LIMITS.shortText ? `${p.label} quá dài: tối đa ${LIMITS.shortText} ký tự.` : null),
  });
  const [open, setOpen] = useState(false);
  const [hi, setHi] = useState(0);
  const [people, setPeople] = useState<Person[]>([]);
  const reqNo = useRef(0);
  const query = f.value;
  const typed = query !== shown || !attendee;

  const rosterHits = useMemo(() => {
    if (!query.trim()) return p.attendees.slice(0, 8);
    return p.attendees
      .map((a) => ({ a, s: Math.min(...[matchName(query, a.fullName)].filter((x) => x >= 0), matchName(query, `${a.titles.join(' ')} ${a.organization}`) >= 0 ? 40 : 99) }))
      .filter((x) => x.s < 99)
      .sort((x, y) => x.s - y.s)
      .slice(0, 8)
      .map((x) => x.a);
  }, [query, p.attendees]);

  useEffect(() => {
    if (!open || !query.trim()) {
      setPeople([]);
      return;
    }
    const n = ++reqNo.current;
    void api.call('people.search', { query: query.slice(0, LIMITS.query), limit: 12 }).then((r) => {
      // Only the answer to the newest keystroke is shown.
      if (n === reqNo.current && r.ok) setPeople(r.value);
    });
  }, [query, open]);

  const onRoster = new Set(p.attendees.map((a) => a.personId));
  const options: Choice[] = [
    ...rosterHits.map((a): Choice => ({ kind: 'attendee', attendee: a })),
    ...people.filter((x) => !onRoster.has(x.id)).slice(0, 6).map((person): Choice => ({ kind: 'person', person })),
  ];
  const active = Math.min(hi, Math.max(0, options.length - 1));

  const choose = (o: Choice) => {
    f.flush();
    saveQueue.enqueue(p.saveKey, p.pick(o));
    setOpen(false);
    p.afterPick();
  };

  return (
    <div className="field picker">
      <label htmlFor={id}>{p.label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        autoComplete="off"
        spellCheck={false}
        autoFocus={p.autoFocus}
        placeholder={p.placeholder}
        data-testid={p.testId}
        value={f.value}
        aria-invalid={f.error ? true : undefined}
        onChange={(e) => {
          f.onChange(e);
          setOpen(true);
          setHi(0);
        }}
        onFocus={() => {
          f.onFocus();
        }}
        onBlur={() => {
          f.onBlur();
          setOpen(false);
        }}
        onCompositionEnd={f.onCompositionEnd}
        onKeyDown={(e) => {
          // Only navigation keys; Backspace and letters always reach the field untouched.
          if (isComposing(e.nativeEvent) || e.altKey || e.ctrlKey || e.metaKey) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setHi((h) => Math.min(h + 1, options.length - 1));
          } else if (e.key === 'ArrowUp' && open) {
            e.preventDefault();
            setHi((h) => Math.max(h - 1, 0));
          } else if (e.key === 'Enter' && open && typed && options.length > 0 && query.trim()) {
            e.preventDefault();
            choose(options[active]);
          } else if (e.key === 'Escape' && open) {
            e.stopPropagation();
            e.nativeEvent.stopImmediatePropagation();
            setOpen(false);
          }
        }}
      />
      {attendee && !typed ? <div className="field-hint">{attendee.titles.join(', ') || attendee.organization}</div> : null}
      {!attendee && p.text.trim() && !open ? <div className="field-hint">Ngoài danh sách đại biểu (ghi tên tự do)</div> : null}
      {f.error ? (
        <div className="field-error" role="alert">
          {f.error}
        </div>
      ) : null}
      {open && options.length > 0 && query.trim() ? (
        <ul className="picker-list" id={`${id}-list`} role="listbox" data-testid={p.testId ? `${p.testId}-list` : undefined}>
          {options.map((o, i) => (
            <li
              key={o.kind === 'attendee' ? `a${o.attendee.id}` : `p${o.person.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault(); // keeps focus in the field until the pick is saved
                choose(o);
              }}
            >
              <span className="picker-name">{o.kind === 'attendee' ? o.attendee.fullName : o.person.fullName}</span>
              <span className="picker-meta">
                {o.kind === 'attendee' ? o.attendee.titles.join(', ') || o.attendee.organization : [o.person.titles.join(', '), o.person.organization].filter(Boolean).join(' – ')}
                {o.kind === 'person' ? ' · danh bạ' : ''}
              </span>
            </li>
          ))}
          <li className="picker-free" aria-hidden="true">
            Không có trong danh sách? Cứ gõ tên và đơn vị, không cần chọn.
          </li>
        </ul>
      ) : null}
    </div>
  );
}

// Type-ahead for people: an ARIA combobox over the directory ("thieu", "ttq" and "Thiều" all
// find Trương Quang Thiều; the core folds diacritics and matches initials). Reusable: pass
// `search` to look somewhere else (e.g. the meeting's roster, filtered with `filterByName`,
// which stays in the page).
//
// Vietnamese input rules (see the typing guide): the input is a plain controlled <input> whose
// state is set synchronously from e.target.value; Backspace is never intercepted (Unikey and
// EVKey send it to rewrite letters); Enter and the arrows are ignored while an IME composes.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Person } from '../../../electron/shared/domain';
import { foldedWords, matchPrepared, prepareName } from '../../../electron/shared/vi/fold';
import { LIMITS } from '../../../electron/shared/limits';
import { api } from '../lib/api';

export type PersonOption = Pick<Person, 'id' | 'fullName' | 'titles' | 'organization'>;

export type PersonTypeaheadProps<T extends PersonOption> = {
  label: string;
  placeholder?: string;
  /** Sets data-testid on the input; the listbox gets `${testId}-list`. */
  testId?: string;
  /** Where to look. Default: the directory, through the 'people.search' channel. */
  search?: (query: string) => Promise<T[]> | T[];
  onPick: (item: T) => void;
  /** When given, the list ends with "+ Thêm người mới: <typed text>". */
  onCreate?: (typed: string) => void;
  /** People to leave out (already on the roster). */
  excludeIds?: ReadonlySet<number>;
  hint?: string;
  /** Search with an empty box too (on focus / ArrowDown). */
  showAllOnFocus?: boolean;
  disabled?: boolean;
};

// The directory is searched in the core, one 'people.search' per keystroke: its index (migration
// 008) answers in milliseconds at any size, where a copy of the directory in the page cost
// 200,000 people's names in memory and seconds to fold before the first keystroke. People
// already on the roster are left out here, so the core is asked for that many more.
const SHOWN = 12;

function directorySearch(excluded: number): (query: string) => Promise<PersonOption[]> {
  return async (query) => {
    const r = await api.call('people.search', { query: query.slice(0, LIMITS.query), limit: Math.min(200, SHOWN + excluded) });
    return r.ok ? r.value : [];
  };
}

/** Client-side matching with the same rules as the directory search, for short in-memory lists. */
export function filterByName<T extends PersonOption>(items: readonly T[], query: string, limit = 12): T[] {
  const q = foldedWords(query);
  if (q.length === 0) return items.slice(0, limit);
  return items
    .map((item) => ({ item, s: matchPrepared(q, prepareName(item.fullName)) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => a.s - b.s)
    .slice(0, limit)
    .map((x) => x.item);
}

const isComposing = (e: KeyboardEvent) => e.nativeEvent.isComposing || e.keyCode === 229;

export function PersonTypeahead<T extends PersonOption>(p: PersonTypeaheadProps<T>) {
  const base = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<T[]>([]);
  const [active, setActive] = useState(0);
  const seq = useRef(0);
  const searchRef = useRef(p.search);
  searchRef.current = p.search;
  const excludedRef = useRef(0);
  excludedRef.current = p.excludeIds?.size ?? 0;

  // No debounce: the directory search answers in milliseconds, and a stale answer is dropped by
  // the sequence number, so each keystroke shows results for exactly what is typed.
  const run = useCallback(async (query: string) => {
    const mine = ++seq.current;
    const source = searchRef.current ?? (directorySearch(excludedRef.current) as unknown as (q: string) => Promise<T[]>);
    const found = await source(query);
    if (mine !== seq.current) return;
    setItems(found);
    setActive(0);
  }, []);

  const visible = (p.excludeIds ? items.filter((i) => !p.excludeIds!.has(i.id)) : items).slice(0, p.search ? undefined : SHOWN);
  const typed = text.trim();
  const createIndex = p.onCreate && typed ? visible.length : -1;
  const count = visible.length + (createIndex >= 0 ? 1 : 0);
  const expanded = open && count > 0;
  const optionId = (i: number) => `${base}-opt-${i}`;

  useEffect(() => {
    if (active >= count) setActive(0);
  }, [active, count]);

  const pick = (i: number) => {
    if (i === createIndex) p.onCreate?.(typed);
    else if (visible[i]) p.onPick(visible[i]);
    else return;
    seq.current++;
    setText('');
    setItems([]);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (isComposing(e)) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        if (!typed && p.showAllOnFocus) void run('');
        return;
      }
      if (count > 0) setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % count : (a - 1 + count) % count));
    } else if (e.key === 'Enter') {
      if (expanded) {
        e.preventDefault();
        pick(active);
      }
    } else if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
      } else if (text) {
        e.preventDefault();
        setText('');
      }
    }
  };

  return (
    <div className="typeahead">
      <label htmlFor={`${base}-input`}>{p.label}</label>
      <input
        id={`${base}-input`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${base}-list`}
        aria-activedescendant={expanded ? optionId(active) : undefined}
        aria-describedby={p.hint ? `${base}-hint` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={p.placeholder}
        disabled={p.disabled}
        data-testid={p.testId}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (e.target.value.trim() || p.showAllOnFocus) void run(e.target.value);
          else {
            seq.current++;
            setItems([]);
          }
        }}
        onFocus={() => {
          if (p.showAllOnFocus && !text) {
            setOpen(true);
            void run('');
          }
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {p.hint ? (
        <div className="field-hint" id={`${base}-hint`}>
          {p.hint}
        </div>
      ) : null}
      <ul className="typeahead-list" id={`${base}-list`} role="listbox" aria-label={p.label} hidden={!expanded} data-testid={p.testId ? `${p.testId}-list` : undefined}>
        {visible.map((item, i) => (
          <li
            key={item.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            // Keeps focus in the input: a click must not blur it (and close the list) first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(i)}
            onMouseMove={() => setActive(i)}
          >
            <span className="ta-name">{item.fullName}</span>
            {item.titles.length ? <span className="ta-titles"> – {item.titles.join(', ')}</span> : null}
            {item.organization ? <span className="ta-org"> · {item.organization}</span> : null}
          </li>
        ))}
        {createIndex >= 0 ? (
          <li
            id={optionId(createIndex)}
            role="option"
            aria-selected={active === createIndex}
            className={`ta-create${active === createIndex ? ' active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(createIndex)}
            onMouseMove={() => setActive(createIndex)}
            data-testid={p.testId ? `${p.testId}-create` : undefined}
          >
            + Thêm người mới: <strong>{typed}</strong>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

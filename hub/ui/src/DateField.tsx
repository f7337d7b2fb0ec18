// A date typed as Vietnamese offices write it (dd/mm/yyyy), whatever the browser's language: the
// native date picker shows mm/dd/yyyy on an English system. Gives the ISO date when it is a real
// date, '' when cleared; says so when it is not a date.
import { useEffect, useState } from 'react';
import { viDate } from './format';

export function parseViDate(s: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(s);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function DateField({ label, value, onChange }: { label: string; value: string; onChange: (iso: string) => void }) {
  const [text, setText] = useState(viDate(value));
  useEffect(() => setText(viDate(value)), [value]);
  const iso = text.trim() ? parseViDate(text) : '';
  return (
    <label>
      {label}
      <input
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        value={text}
        aria-invalid={iso === null}
        onChange={(e) => {
          setText(e.target.value);
          const v = e.target.value.trim() ? parseViDate(e.target.value) : '';
          if (v !== null && v !== value) onChange(v);
        }}
      />
      {iso === null && <small className="hub-error">Ngày chưa đúng (ví dụ 31/12/2026)</small>}
    </label>
  );
}

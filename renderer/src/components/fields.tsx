// Plain <input> and <textarea> with autosave. No maxLength attribute: it would silently cut a
// paste, and cutting what the secretary typed is losing it. Over-long text shows a message and
// stays in the field instead.
import { useId } from 'react';
import type { Result } from '../../../electron/shared/result';
import { LIMITS } from '../../../electron/shared/limits';
import { useAutosave } from '../lib/autosave';
import { isoToVnDate, vnDateToIso, isValidTime } from '../lib/format';

const nf = new Intl.NumberFormat('vi-VN');
const lengthCheck = (label: string, max: number) => (v: string) =>
  v.length > max ? `${label} quá dài: tối đa ${nf.format(max)} ký tự, hiện có ${nf.format(v.length)}. Hãy rút gọn hoặc chia thành nhiều mục.` : null;

type TextProps = {
  label: string;
  saveKey: string;
  value: string;
  save: (value: string) => Promise<Result<unknown>>;
  multiline?: boolean;
  rows?: number;
  max?: number;
  placeholder?: string;
  hint?: string;
  autoFocus?: boolean;
  className?: string;
  testId?: string;
  required?: boolean;
};

export function TextField(p: TextProps) {
  const id = useId();
  const max = p.max ?? (p.multiline ? LIMITS.longText : LIMITS.shortText);
  const f = useAutosave({
    saveKey: p.saveKey,
    value: p.value,
    save: p.save,
    check: (v) => lengthCheck(p.label, max)(v) ?? (p.required && !v.trim() ? `${p.label} không được để trống.` : null),
  });
  const common = {
    id,
    value: f.value,
    onChange: f.onChange,
    onBlur: f.onBlur,
    onFocus: f.onFocus,
    onCompositionEnd: f.onCompositionEnd,
    placeholder: p.placeholder,
    autoFocus: p.autoFocus,
    'aria-invalid': f.error ? true : undefined,
    'aria-describedby': f.error ? `${id}-err` : undefined,
    'data-testid': p.testId,
    spellCheck: false,
  };
  return (
    <div className={`field ${p.className ?? ''}`}>
      <label htmlFor={id}>
        {p.label}
        {p.required ? <span className="req"> *</span> : null}
      </label>
      {p.multiline ? <textarea rows={p.rows ?? 4} {...common} /> : <input type="text" {...common} />}
      {f.error ? (
        <div className="field-error" id={`${id}-err`} role="alert">
          {f.error}
        </div>
      ) : p.hint ? (
        <div className="field-hint">{p.hint}</div>
      ) : null}
    </div>
  );
}

type DateProps = { label: string; saveKey: string; value: string | null; save: (iso: string | null) => Promise<Result<unknown>>; testId?: string };

/** dd/mm/yyyy as Vietnamese offices write it; stored as ISO. A date that does not exist is refused. */
export function DateField(p: DateProps) {
  const id = useId();
  const f = useAutosave({
    saveKey: p.saveKey,
    value: isoToVnDate(p.value),
    save: (v) => p.save(v.trim() ? vnDateToIso(v) : null),
    check: (v) => (v.trim() && !vnDateToIso(v) ? 'Ngày không có thật hoặc sai dạng. Hãy gõ ngày/tháng/năm, ví dụ 18/10/2019.' : null),
  });
  return (
    <div className="field field-date">
      <label htmlFor={id}>{p.label}</label>
      <input id={id} type="text" inputMode="numeric" placeholder="ngày/tháng/năm" value={f.value} onChange={f.onChange} onBlur={f.onBlur} onFocus={f.onFocus} data-testid={p.testId} aria-invalid={f.error ? true : undefined} />
      {f.error ? <div className="field-error" role="alert">{f.error}</div> : null}
    </div>
  );
}

type TimeProps = { label: string; saveKey: string; value: string | null; save: (hhmm: string | null) => Promise<Result<unknown>>; testId?: string };

/** 24-hour hh:mm. "1400" is accepted and shown as 14:00. */
export function TimeField(p: TimeProps) {
  const id = useId();
  const f = useAutosave({
    saveKey: p.saveKey,
    value: p.value ?? '',
    save: (v) => p.save(v.trim() ? normaliseTime(v) : null),
    check: (v) => (v.trim() && !isValidTime(normaliseTime(v)) ? 'Giờ không hợp lệ. Hãy gõ giờ:phút từ 00:00 đến 23:59, ví dụ 14:00.' : null),
  });
  return (
    <div className="field field-time">
      <label htmlFor={id}>{p.label}</label>
      <input id={id} type="text" inputMode="numeric" placeholder="giờ:phút" value={f.value} onChange={f.onChange} onBlur={f.onBlur} onFocus={f.onFocus} data-testid={p.testId} aria-invalid={f.error ? true : undefined} />
      {f.error ? <div className="field-error" role="alert">{f.error}</div> : null}
    </div>
  );
}

export function normaliseTime(v: string): string {
  const t = v.trim().replace(/[hg.]/i, ':');
  const m = /^(\d{1,2}):?(\d{2})$/.exec(t);
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : t;
}

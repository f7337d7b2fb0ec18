// "Thông tin cho tin bài": what real meetings' articles say and the roster cannot tell — the kind
// of meeting, a news headline apart from the official name, the session when the start time is
// unknown, the legal basis, the purpose, who compiled the recommendations, the hall's attendance
// and the numbers the article prints. Every text field autosaves like the rest of Prepare
// (components/fields, lib/autosave): plain inputs, NFC on save only, never reset while typing.
import { useEffect, useId, useRef, useState } from 'react';
import { COUNT_KEYS, MEETING_KINDS, SESSIONS, type Attendance, type Meeting, type MeetingCounts, type MeetingKind, type Session } from '../../../../electron/shared/domain';
import type { ChannelInput } from '../../../../electron/shared/contract';
import type { Result } from '../../../../electron/shared/result';
import { COUNT_LABELS } from '../../../../electron/shared/labels';
import { LIMITS } from '../../../../electron/shared/limits';
import { api } from '../../lib/api';
import { useAutosave } from '../../lib/autosave';
import { saveQueue } from '../../lib/save-queue';
import { TextField } from '../../components/fields';
import type { Update } from './PrepareTab';
import './article-details.css';

type Patch = ChannelInput<'meeting.update'>['patch'];

const KIND_LABEL: Record<MeetingKind, string> = {
  'đối thoại': 'Hội nghị đối thoại',
  'tiếp xúc cử tri': 'Tiếp xúc cử tri (đại biểu HĐND gặp cử tri)',
  'gặp mặt, đối thoại': 'Gặp mặt, đối thoại',
};

const SESSION_LABEL: Record<Session, string> = { sáng: 'Sáng', chiều: 'Chiều', tối: 'Tối' };

/** Digits only (spaces around are fine); empty means "not set". */
const NUMBER_MESSAGE = 'Hãy gõ một số nguyên, ví dụ 150; để trống nếu không rõ.';
function parseCount(v: string): number | null | 'bad' {
  const t = v.trim();
  if (!t) return null;
  if (!/^\d{1,7}$/.test(t)) return 'bad';
  const n = Number(t);
  return n <= 1_000_000 ? n : 'bad';
}

/** Legal basis: one document per line, blank lines dropped. */
const splitLines = (v: string): string[] =>
  v
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

export function ArticleDetailsSection({ meeting, update }: { meeting: Meeting; update: Update }) {
  const save = async (patch: Patch) => {
    const r = await api.call('meeting.update', { id: meeting.id, patch });
    if (r.ok) update((rec) => ({ ...rec, meeting: r.value }));
    return r;
  };
  const k = (f: string) => `meeting:${meeting.id}:${f}`;

  // attendance and counts are saved as whole objects, while each of their parts is its own field.
  // The save queue runs one write at a time, so each part merges into the newest stored object
  // when its write runs, never into a copy taken before another part's write was answered.
  const stored = useRef({ attendance: meeting.attendance, counts: meeting.counts });
  useEffect(() => {
    stored.current = { attendance: meeting.attendance, counts: meeting.counts };
  }, [meeting.attendance, meeting.counts]);
  const saveAttendance = async (part: Partial<Attendance>) => {
    const attendance = { ...stored.current.attendance, ...part };
    stored.current = { ...stored.current, attendance };
    const r = await save({ attendance });
    if (r.ok) stored.current = { attendance: r.value.attendance, counts: r.value.counts };
    return r;
  };
  const saveCount = async (key: keyof MeetingCounts, n: number | null) => {
    const counts = { ...stored.current.counts, [key]: n };
    stored.current = { ...stored.current, counts };
    const r = await save({ counts });
    if (r.ok) stored.current = { attendance: r.value.attendance, counts: r.value.counts };
    return r;
  };

  return (
    <section className="card article-details" aria-labelledby="article-details-h" data-testid="article-details">
      <h2 id="article-details-h">Thông tin cho tin bài</h2>
      <p className="muted small section-note">Những điều tin bài và biên bản cần mà danh sách đại biểu không nói được. Mục nào để trống thì ứng dụng không viết.</p>
      <div className="grid-2">
        <Choice
          label="Loại hội nghị"
          value={meeting.kind}
          options={MEETING_KINDS.map((x) => ({ value: x, label: KIND_LABEL[x] }))}
          save={(v) => save({ kind: v as MeetingKind })}
          saveKey={k('kind')}
          testId="f-kind"
        />
        <Choice
          label="Buổi (dùng khi chưa rõ giờ bắt đầu)"
          value={meeting.session ?? ''}
          options={[{ value: '', label: '—' }, ...SESSIONS.map((x) => ({ value: x, label: SESSION_LABEL[x] }))]}
          save={(v) => save({ session: v ? (v as Session) : null })}
          saveKey={k('session')}
          testId="f-session"
        />
        <div className="span-2">
          <TextField
            label="Tít tin bài"
            saveKey={k('headline')}
            value={meeting.headline}
            save={(v) => save({ headline: v })}
            max={LIMITS.title}
            placeholder="Để trống: ứng dụng tự đề xuất tít từ đơn vị tổ chức và đối tượng"
            hint="Tít ngắn cho bài đưa tin, khác tên chính thức của hội nghị."
            testId="f-headline"
          />
        </div>
        <div className="span-2">
          <TextField
            label="Căn cứ (mỗi văn bản một dòng)"
            saveKey={k('legalBasis')}
            value={meeting.legalBasis.join('\n')}
            save={(v) => save({ legalBasis: splitLines(v) })}
            multiline
            rows={3}
            max={20 * 2_000}
            placeholder="Ví dụ: Kế hoạch số 12-KH/ĐU ngày 05/3/2025 của Đảng ủy phường về tổ chức hội nghị đối thoại"
            testId="f-legal-basis"
          />
        </div>
        <div className="span-2">
          <TextField
            label="Mục đích"
            saveKey={k('purpose')}
            value={meeting.purpose}
            save={(v) => save({ purpose: v })}
            multiline
            rows={2}
            max={2_000}
            placeholder="nhằm lắng nghe tâm tư, nguyện vọng và giải đáp kiến nghị của …"
            hint="Ghi từ chữ “nhằm …”, như câu sẽ in trong tin bài."
            testId="f-purpose"
          />
        </div>
        <TextField
          label="Đơn vị tổng hợp kiến nghị"
          saveKey={k('compiledBy')}
          value={meeting.compiledBy}
          save={(v) => save({ compiledBy: v })}
          placeholder="Ví dụ: Ủy ban MTTQ Việt Nam phường"
          testId="f-compiled-by"
        />
        <div className="attendance-row">
          <TextField
            label="Số người dự (bằng chữ)"
            saveKey={k('attendance.text')}
            value={meeting.attendance.text}
            save={(v) => saveAttendance({ text: v })}
            max={500}
            placeholder="Ví dụ: gần 150 đại biểu"
            testId="f-attendance-text"
          />
          <NumberField label="Con số" saveKey={k('attendance.count')} value={meeting.attendance.count} save={(n) => saveAttendance({ count: n })} placeholder="150" testId="f-attendance-count" />
        </div>
        <TextField
          label="Tác giả tin bài này"
          saveKey={k('byline')}
          value={meeting.byline}
          save={(v) => save({ byline: v })}
          placeholder="Để trống: dùng tác giả ghi ở Thiết lập"
          testId="f-byline"
        />
        <TextField
          label="Dòng ngày đăng tin"
          saveKey={k('publishedAt')}
          value={meeting.publishedAt}
          save={(v) => save({ publishedAt: v })}
          max={100}
          placeholder="Ví dụ: 01/12/2025"
          testId="f-published-at"
        />
      </div>
      <fieldset className="counts" data-testid="f-counts">
        <legend>Các con số in trong tin bài</legend>
        <div className="counts-grid">
          {COUNT_KEYS.map((key) => (
            <NumberField
              key={key}
              label={COUNT_LABELS[key]}
              saveKey={k(`counts.${key}`)}
              value={meeting.counts[key]}
              save={(n) => saveCount(key, n)}
              placeholder="tự đếm"
              testId={`f-count-${key}`}
            />
          ))}
        </div>
        <p className="field-hint">Để trống: ứng dụng tự đếm theo những gì đã ghi. Chỉ điền khi con số thật khác, ví dụ hội nghị nhận 25 câu hỏi nhưng chỉ ghi lại 8.</p>
      </fieldset>
    </section>
  );
}

type ChoiceProps = { label: string; value: string; options: { value: string; label: string }[]; save: (v: string) => Promise<Result<unknown>>; saveKey: string; testId: string };

/** A select shows the choice at once and keeps it; its save goes through the same queue as typed text. */
function Choice(p: ChoiceProps) {
  const id = useId();
  const [value, setValue] = useState(p.value);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>{p.label}</label>
      <select
        id={id}
        value={value}
        data-testid={p.testId}
        onChange={(e) => {
          const v = e.target.value;
          setValue(v);
          setError(null);
          saveQueue.enqueue(p.saveKey, () => p.save(v), (r) => setError(r.ok ? null : r.error.message));
        }}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

type NumberProps = { label: string; saveKey: string; value: number | null; save: (n: number | null) => Promise<Result<unknown>>; placeholder?: string; testId: string };

/** A whole number typed as text (no spinner that a scroll wheel changes); empty saves null. */
function NumberField(p: NumberProps) {
  const id = useId();
  const f = useAutosave({
    saveKey: p.saveKey,
    value: p.value === null ? '' : String(p.value),
    save: (v) => {
      const n = parseCount(v);
      return p.save(n === 'bad' ? null : n);
    },
    check: (v) => (parseCount(v) === 'bad' ? NUMBER_MESSAGE : null),
  });
  return (
    <div className="field field-number">
      <label htmlFor={id}>{p.label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={f.value}
        onChange={f.onChange}
        onBlur={f.onBlur}
        onFocus={f.onFocus}
        onCompositionEnd={f.onCompositionEnd}
        placeholder={p.placeholder}
        spellCheck={false}
        aria-invalid={f.error ? true : undefined}
        data-testid={p.testId}
      />
      {f.error ? (
        <div className="field-error" role="alert">
          {f.error}
        </div>
      ) : null}
    </div>
  );
}

// The form for the item selected on the timeline. Each form is keyed by its item, so switching
// items unmounts the old fields, and unmounting a field writes what was typed in it at once.
import { memo, useState } from 'react';
import type { Attendee, Recommendation, Reply, Speech } from '../../../../electron/shared/domain';
import { PHASES, REPLY_KINDS } from '../../../../electron/shared/domain';
import type { Result } from '../../../../electron/shared/result';
import type { ChannelInput } from '../../../../electron/shared/contract';
import { DateField, TextField, TimeField } from '../../components/fields';
import { saveQueue } from '../../lib/save-queue';
import { SpeakerPicker, type Choice } from './SpeakerPicker';
import { isSkeleton, REPLY_KIND_LABEL, replyLinkOrder, SPEECH_LABEL, type Entry, type ItemKind } from './model';

export type RecPatch = ChannelInput<'rec.update'>['patch'];
export type ReplyPatch = ChannelInput<'reply.update'>['patch'];
export type SpeechPatch = ChannelInput<'speech.update'>['patch'];

export type Ops = {
  rec: (id: number, patch: RecPatch) => Promise<Result<unknown>>;
  /** Content, with the short phrase following it until the secretary edits the phrase. */
  recContent: (id: number, content: string) => Promise<Result<unknown>>;
  reply: (id: number, patch: ReplyPatch) => Promise<Result<unknown>>;
  speech: (id: number, patch: SpeechPatch) => Promise<Result<unknown>>;
  /** Shows the change at once (a pick, a toggle) before the save answers. */
  optimistic: (e: Entry) => void;
  remove: (kind: ItemKind, id: number) => void;
};

const PHASE_LABEL = { before: 'Nhận trước hội nghị', during: 'Tại hội nghị' } as const;

type Props = {
  entry: Entry | null;
  attendees: Attendee[];
  recs: Recommendation[];
  recLabels: Map<number, string>;
  ops: Ops;
  /** A just-created item takes the cursor; one chosen on the timeline leaves it there. */
  focusOnMount: boolean;
};

export const EntryPanel = memo(function EntryPanel({ entry, attendees, recs, recLabels, ops, focusOnMount }: Props) {
  if (!entry)
    return (
      <div className="entry-empty" data-testid="entry-empty" tabIndex={-1}>
        <p>Chưa chọn mục nào.</p>
        <p className="muted">
          Nhấn <kbd>F2</kbd> để ghi kiến nghị mới, <kbd>Alt+B</kbd> để ghi báo cáo, <kbd>F1</kbd> để xem mọi phím tắt.
        </p>
      </div>
    );
  if (entry.kind === 'rec') return <RecForm key={`rec${entry.id}`} rec={entry.item} attendees={attendees} label={recLabels.get(entry.id) ?? 'Kiến nghị'} ops={ops} focus={focusOnMount} />;
  if (entry.kind === 'reply') return <ReplyForm key={`reply${entry.id}`} reply={entry.item} attendees={attendees} recs={recs} recLabels={recLabels} ops={ops} focus={focusOnMount} />;
  return <SpeechForm key={`speech${entry.id}`} speech={entry.item} attendees={attendees} ops={ops} focus={focusOnMount} />;
});

function RecForm({ rec, attendees, label, ops, focus }: { rec: Recommendation; attendees: Attendee[]; label: string; ops: Ops; focus: boolean }) {
  const k = (f: string) => `rec:${rec.id}:${f}`;
  // Toggles show the secretary's choice at once and keep it, like a typed field: an older save's
  // answer arriving later must not flip the box back for a moment.
  const [phase, setPhase] = useState(rec.phase);
  const [inArticle, setInArticle] = useState(rec.inArticle);
  const pick = (p: Choice) => {
    const patch: RecPatch =
      p.kind === 'attendee'
        ? { raisedByAttendeeId: p.attendee.id, raisedByText: '' }
        : { raisedByAttendeeId: null, raisedByText: p.person.fullName, unit: rec.unit || p.person.organization };
    ops.optimistic({ kind: 'rec', id: rec.id, seq: rec.seq, item: { ...rec, ...patch } as Recommendation });
    return () => ops.rec(rec.id, patch);
  };
  return (
    <section className="entry-form" aria-label={label} data-testid="rec-form">
      <header className="entry-head">
        <h2>{label}</h2>
        <label className="inline-select">
          <span className="sr-only">Thời điểm nhận</span>
          <select
            value={phase}
            data-testid="rec-phase"
            onChange={(e) => {
              const v = e.target.value as Recommendation['phase'];
              setPhase(v);
              ops.optimistic({ kind: 'rec', id: rec.id, seq: rec.seq, item: { ...rec, phase: v } });
              saveQueue.enqueue(k('phase'), () => ops.rec(rec.id, { phase: v }));
            }}
          >
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {PHASE_LABEL[p]}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="entry-grid who-unit">
        <SpeakerPicker
          label="Người kiến nghị"
          saveKey={k('raisedBy')}
          attendees={attendees}
          attendeeId={rec.raisedByAttendeeId}
          text={rec.raisedByText}
          saveText={(v) => ops.rec(rec.id, { raisedByAttendeeId: null, raisedByText: v })}
          pick={pick}
          placeholder="Gõ tên hoặc chữ đầu (vd. ttc), hoặc ghi tự do"
          testId="rec-speaker"
          autoFocus={focus}
        />
        <TextField label="Đơn vị / địa chỉ" saveKey={k('unit')} value={rec.unit} save={(v) => ops.rec(rec.id, { unit: v })} placeholder="Ví dụ: phường Tây Tựu" testId="rec-unit" />
      </div>
      <TextField label="Nội dung kiến nghị" saveKey={k('content')} value={rec.content} save={(v) => ops.recContent(rec.id, v)} multiline rows={8} className="big" testId="rec-content" placeholder="Ghi nội dung người kiến nghị trình bày" />
      {/* In the order they are typed: the time is filled in by F2 and rarely touched, so it
          comes after the content, never between the unit and the content. */}
      <div className="entry-grid time-topic">
        <TimeField label="Thời điểm" saveKey={k('raisedAt')} value={rec.raisedAt} save={(v) => ops.rec(rec.id, { raisedAt: v })} testId="rec-time" />
        <TextField label="Lĩnh vực" saveKey={k('topic')} value={rec.topic} save={(v) => ops.rec(rec.id, { topic: v })} placeholder="Ví dụ: môi trường, đất đai, vốn vay" testId="rec-topic" />
        <label className="check-inline">
          <input
            type="checkbox"
            checked={inArticle}
            data-testid="rec-inarticle"
            onChange={(e) => {
              const v = e.target.checked;
              setInArticle(v);
              saveQueue.enqueue(k('inArticle'), () => ops.rec(rec.id, { inArticle: v }));
            }}
          />
          Nêu cụm tóm tắt này trong tin bài
        </label>
      </div>
      <TextField
        label="Cụm tóm tắt (dùng trong tin bài, bảng tổng hợp)"
        saveKey={k('shortPhrase')}
        value={rec.shortPhrase}
        save={(v) => ops.rec(rec.id, { shortPhrase: v })}
        multiline
        rows={2}
        max={1000}
        hint="Tự gợi ý từ nội dung cho đến khi anh/chị tự sửa."
        testId="rec-phrase"
      />
      <EntryFooter onRemove={() => ops.remove('rec', rec.id)} />
    </section>
  );
}

function ReplyForm({ reply, attendees, recs, recLabels, ops, focus }: { reply: Reply; attendees: Attendee[]; recs: Recommendation[]; recLabels: Map<number, string>; ops: Ops; focus: boolean }) {
  const k = (f: string) => `reply:${reply.id}:${f}`;
  const [kind, setKind] = useState(reply.kind);
  const [linkIds, setLinkIds] = useState(reply.recommendationIds);
  const pick = (p: Choice) => {
    const patch: ReplyPatch =
      p.kind === 'attendee' ? { responderAttendeeId: p.attendee.id, responderText: '' } : { responderAttendeeId: null, responderText: [p.person.fullName, p.person.titles.join(', ')].filter(Boolean).join(' – ') };
    ops.optimistic({ kind: 'reply', id: reply.id, seq: reply.seq, item: { ...reply, ...patch } as Reply });
    return () => ops.reply(reply.id, patch);
  };
  const toggle = (recId: number, on: boolean) => {
    const ids = on ? [...linkIds, recId].sort((a, b) => a - b) : linkIds.filter((x) => x !== recId);
    setLinkIds(ids);
    ops.optimistic({ kind: 'reply', id: reply.id, seq: reply.seq, item: { ...reply, recommendationIds: ids } });
    saveQueue.enqueue(k('links'), () => ops.reply(reply.id, { recommendationIds: ids }));
  };
  const linked = new Set(linkIds);
  // The list is ordered once, when the form opens: the kiến nghị this reply covers first, then
  // those of the reply's own phase, then the rest. Ticking a box never moves a row under the cursor.
  const [order] = useState(() => replyLinkOrder(recs, reply));
  const ordered = [...order.map((id) => recs.find((r) => r.id === id)).filter((r): r is Recommendation => !!r), ...recs.filter((r) => !order.includes(r.id))];
  return (
    <section className="entry-form" aria-label="Ý kiến trả lời" data-testid="reply-form">
      <header className="entry-head">
        <h2>Ý kiến trả lời</h2>
        <select
          value={kind}
          aria-label="Hình thức trả lời"
          data-testid="reply-kind"
          onChange={(e) => {
            const v = e.target.value as Reply['kind'];
            setKind(v);
            saveQueue.enqueue(k('kind'), () => ops.reply(reply.id, { kind: v }));
          }}
        >
          {REPLY_KINDS.map((x) => (
            <option key={x} value={x}>
              {REPLY_KIND_LABEL[x]}
            </option>
          ))}
        </select>
      </header>
      <div className="entry-grid who-time">
        <SpeakerPicker
          label="Người / cơ quan trả lời"
          saveKey={k('responder')}
          attendees={attendees}
          attendeeId={reply.responderAttendeeId}
          text={reply.responderText}
          saveText={(v) => ops.reply(reply.id, { responderAttendeeId: null, responderText: v })}
          pick={pick}
          placeholder="Gõ tên lãnh đạo, hoặc ghi cơ quan trả lời"
          testId="reply-responder"
          autoFocus={focus}
        />
        <TimeField label="Thời điểm" saveKey={k('repliedAt')} value={reply.repliedAt} save={(v) => ops.reply(reply.id, { repliedAt: v })} testId="reply-time" />
      </div>
      {kind === 'written_later' || kind === 'forwarded' ? (
        <div className="entry-grid two">
          <TextField
            label={kind === 'forwarded' ? 'Chuyển đến cơ quan' : 'Đơn vị giải quyết'}
            saveKey={k('agency')}
            value={reply.agency}
            save={(v) => ops.reply(reply.id, { agency: v })}
            placeholder={kind === 'forwarded' ? 'Ví dụ: UBND Thành phố, Sở Xây dựng' : 'Ví dụ: Phòng Kinh tế, Hạ tầng và Đô thị'}
            testId="reply-agency"
          />
          <DateField label="Thời hạn trả lời" saveKey={k('deadline')} value={reply.deadline} save={(v) => ops.reply(reply.id, { deadline: v })} testId="reply-deadline" />
        </div>
      ) : null}
      <TextField label="Nội dung trả lời" saveKey={k('content')} value={reply.content} save={(v) => ops.reply(reply.id, { content: v })} multiline rows={7} className="big" testId="reply-content" />
      <fieldset className="links" data-testid="reply-links">
        <legend>Trả lời cho các kiến nghị ({linkIds.length})</legend>
        {recs.length === 0 ? <p className="muted small">Chưa có kiến nghị nào.</p> : null}
        {ordered.map((r) => (
          <label key={r.id} className={`link-row${linked.has(r.id) ? ' is-linked' : ''}`} data-testid="link-row">
            <input type="checkbox" checked={linked.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} data-testid={`link-${r.id}`} />
            <span className="link-label">{recLabels.get(r.id)}</span>
            {/* A recommendation not yet brought whole (meeting.live) has text, only not here yet. */}
            <span className="link-phrase">{isSkeleton(r) ? <span className="muted" aria-busy="true">…</span> : r.shortPhrase || r.content.slice(0, 80) || '(chưa có nội dung)'}</span>
          </label>
        ))}
      </fieldset>
      <EntryFooter onRemove={() => ops.remove('reply', reply.id)} />
    </section>
  );
}

function SpeechForm({ speech, attendees, ops, focus }: { speech: Speech; attendees: Attendee[]; ops: Ops; focus: boolean }) {
  const k = (f: string) => `speech:${speech.id}:${f}`;
  const pick = (p: Choice) => {
    const patch: SpeechPatch =
      p.kind === 'attendee' ? { speakerAttendeeId: p.attendee.id, speakerText: '' } : { speakerAttendeeId: null, speakerText: [p.person.fullName, p.person.titles.join(', ')].filter(Boolean).join(' – ') };
    ops.optimistic({ kind: 'speech', id: speech.id, seq: speech.seq, item: { ...speech, ...patch } as Speech });
    return () => ops.speech(speech.id, patch);
  };
  const isConclusion = speech.kind === 'conclusion';
  // A guest's direction carries "ý chỉ đạo" too, and a speech that has some always shows them;
  // decided once per item, so emptying the list never takes the field away under the cursor.
  const [withDirections] = useState(() => isConclusion || speech.kind === 'direction' || speech.directions.length > 0);
  return (
    <section className="entry-form" aria-label={SPEECH_LABEL[speech.kind]} data-testid="speech-form">
      <header className="entry-head">
        <h2>{isConclusion ? 'Kết luận của chủ trì' : SPEECH_LABEL[speech.kind]}</h2>
      </header>
      <div className="entry-grid who-time">
        <SpeakerPicker
          label={isConclusion ? 'Người kết luận' : 'Người phát biểu'}
          saveKey={k('speaker')}
          attendees={attendees}
          attendeeId={speech.speakerAttendeeId}
          text={speech.speakerText}
          saveText={(v) => ops.speech(speech.id, { speakerAttendeeId: null, speakerText: v })}
          pick={pick}
          placeholder="Gõ tên hoặc chữ đầu"
          testId="speech-speaker"
          autoFocus={focus}
        />
        <TimeField label="Thời điểm" saveKey={k('at')} value={speech.at} save={(v) => ops.speech(speech.id, { at: v })} testId="speech-time" />
      </div>
      <TextField
        label={isConclusion ? 'Nội dung kết luận' : 'Nội dung'}
        saveKey={k('summary')}
        value={speech.summary}
        save={(v) => ops.speech(speech.id, { summary: v })}
        multiline
        rows={isConclusion ? 5 : 10}
        className="big"
        testId="speech-summary"
      />
      {withDirections ? <Directions speech={speech} ops={ops} /> : null}
      <EntryFooter onRemove={() => ops.remove('speech', speech.id)} />
    </section>
  );
}

/** One direction per line: a plain textarea is the one editor Unikey and the IMEs never break. */
function Directions({ speech, ops }: { speech: Speech; ops: Ops }) {
  return (
    <div className="directions">
      <TextField
        label="Các ý chỉ đạo (mỗi ý một dòng)"
        saveKey={`speech:${speech.id}:directions`}
        value={speech.directions.join('\n')}
        save={(v) =>
          ops.speech(speech.id, {
            directions: v
              .split('\n')
              .map((x) => x.trim())
              .filter(Boolean),
          })
        }
        multiline
        rows={7}
        testId="speech-directions"
      />
      {speech.directions.length ? (
        <ol className="directions-preview" data-testid="directions-preview">
          {speech.directions.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

/**
 * "Xóa mục này" is out of the Tab order (Tab then Enter from the last field must never delete) and
 * always asks first; Alt+Delete asks the same question from anywhere on the screen.
 */
function EntryFooter({ onRemove }: { onRemove: () => void }) {
  return (
    <footer className="entry-foot">
      <span className="muted small entry-hint" data-testid="entry-hint">
        Tự động lưu khi gõ. <kbd>Ctrl+Enter</kbd> xong mục này · <kbd>F1</kbd> phím tắt
      </span>
      <button type="button" className="danger-link" tabIndex={-1} onClick={onRemove} data-testid="entry-delete" title="Xóa mục này (Alt+Delete); sẽ hỏi lại trước khi xóa">
        Xóa mục này…
      </button>
    </footer>
  );
}

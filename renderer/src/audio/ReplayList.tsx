// The documents screen's "Nghe lại": every kiến nghị, reply, speech and photo that has a moment in the
// recording, to check a sentence of the minutes against what was actually said.
import type { MeetingRecord } from '../../../electron/shared/domain';
import { useHallAudio } from './HallAudio';
import { ListenButton } from './ListenButton';
import { clock } from './keys';

export function ReplayList({ record }: { record: MeetingRecord }) {
  const audio = useHallAudio();
  const marks = audio?.state?.marks ?? [];
  if (!marks.length) return null;
  const recs = record.recommendations.filter((r) => marks.some((m) => m.kind === 'rec' && m.id === r.id));
  const replies = record.replies.filter((r) => marks.some((m) => m.kind === 'reply' && m.id === r.id));
  const speeches = record.speeches.filter((s) => marks.some((m) => m.kind === 'speech' && m.id === s.id));
  const photos = record.photos.filter((p) => marks.some((m) => m.kind === 'photo' && m.id === p.id));
  const at = (kind: 'rec' | 'reply' | 'speech' | 'photo', id: number) => {
    const m = marks.find((x) => x.kind === kind && x.id === id);
    return m ? `phần ${m.part}, ${clock(m.offsetMs)}` : '';
  };
  const clip = (s: string) => (s.length > 90 ? `${s.slice(0, 90)}…` : s);
  return (
    <details className="replay-list screen-only" data-testid="replay-list">
      <summary>Nghe lại bản ghi âm ({recs.length + replies.length + speeches.length + photos.length} mục có ghi âm)</summary>
      <ol>
        {recs.map((r) => (
          <li key={`r${r.id}`}>
            <ListenButton kind="rec" id={r.id} /> Kiến nghị: {clip(r.shortPhrase || r.content) || '(chưa có nội dung)'} <span className="muted small">({at('rec', r.id)})</span>
          </li>
        ))}
        {replies.map((r) => (
          <li key={`p${r.id}`}>
            <ListenButton kind="reply" id={r.id} /> Trả lời: {clip(r.content) || '(chưa có nội dung)'} <span className="muted small">({at('reply', r.id)})</span>
          </li>
        ))}
        {speeches.map((s) => (
          <li key={`s${s.id}`}>
            <ListenButton kind="speech" id={s.id} /> Phát biểu: {clip(s.summary) || '(chưa có nội dung)'} <span className="muted small">({at('speech', s.id)})</span>
          </li>
        ))}
        {photos.map((p) => (
          <li key={`h${p.id}`}>
            <ListenButton kind="photo" id={p.id} /> Ảnh: {clip(p.caption) || '(chưa có chú thích)'} <span className="muted small">({at('photo', p.id)})</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

// Recommendations collected before the meeting, each with the written answer given beforehand
// (a reply of kind 'written_before' linked to it). The answer is created on the first keystroke
// in its fields; until then a recommendation simply has no answer.
import { useId, useRef, useState } from 'react';
import type { Recommendation, Reply } from '../../../../electron/shared/domain';
import type { ChannelInput } from '../../../../electron/shared/contract';
import type { ImportCommitResult } from '../../../../electron/shared/imports';
import type { Result } from '../../../../electron/shared/result';
import { api } from '../../lib/api';
import { TextField } from '../../components/fields';
import { ImportDialog } from './ImportDialog';
import type { Update } from './PrepareTab';
import type { ShowUndo } from './undo';

type RecPatch = ChannelInput<'rec.update'>['patch'];
type ReplyPatch = { responderText?: string; content?: string };

const nf = new Intl.NumberFormat('vi-VN');

type Props = {
  meetingId: number;
  recommendations: Recommendation[];
  replies: Reply[];
  update: Update;
  showUndo: ShowUndo;
  onImported: () => Promise<void>;
};

export function PreRecsSection({ meetingId, recommendations, replies, update, showUndo, onImported }: Props) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const list = recommendations.filter((r) => r.phase === 'before');
  const written = replies.filter((r) => r.kind === 'written_before');
  const replyFor = (recId: number) => written.find((r) => r.recommendationIds.includes(recId)) ?? null;
  // Saves run one at a time through the save queue, so the second field of a new answer sees the
  // id the first one created here and updates instead of creating a second answer.
  const createdReplies = useRef(new Map<number, number>());
  const focusNew = useRef<number | null>(null);

  const saveRec = async (recId: number, patch: RecPatch): Promise<Result<unknown>> => {
    const r = await api.call('rec.update', { id: recId, patch });
    if (r.ok) update((rec) => ({ ...rec, recommendations: rec.recommendations.map((x) => (x.id === r.value.id ? r.value : x)) }));
    return r;
  };

  const saveReply = async (recId: number, patch: ReplyPatch): Promise<Result<unknown>> => {
    const existing = replyFor(recId)?.id ?? createdReplies.current.get(recId);
    const r = existing
      ? await api.call('reply.update', { id: existing, patch })
      : await api.call('reply.create', { meetingId, kind: 'written_before', recommendationIds: [recId], ...patch });
    if (r.ok) {
      createdReplies.current.set(recId, r.value.id);
      update((rec) => ({
        ...rec,
        replies: rec.replies.some((x) => x.id === r.value.id) ? rec.replies.map((x) => (x.id === r.value.id ? r.value : x)) : [...rec.replies, r.value],
      }));
    }
    return r;
  };

  const add = async () => {
    setError(null);
    const r = await api.call('rec.create', { meetingId, phase: 'before' });
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    focusNew.current = r.value.id;
    update((rec) => ({ ...rec, recommendations: [...rec.recommendations, r.value] }));
  };

  const remove = async (rec: Recommendation, index: number) => {
    setError(null);
    // An answer given to this recommendation alone goes with it (and comes back with it).
    const reply = replyFor(rec.id);
    const ownReply = reply && reply.recommendationIds.length === 1 ? reply : null;
    const r = await api.call('rec.remove', { id: rec.id });
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    if (ownReply) await api.call('reply.remove', { id: ownReply.id });
    update((x) => ({ ...x, recommendations: x.recommendations.filter((y) => y.id !== rec.id), replies: ownReply ? x.replies.filter((y) => y.id !== ownReply.id) : x.replies }));
    showUndo({
      message: `Đã xóa kiến nghị số ${index + 1}.`,
      undo: async () => {
        const back = await api.call('rec.restore', { id: rec.id });
        if (!back.ok) return back.error.message;
        const backReply = ownReply ? await api.call('reply.restore', { id: ownReply.id }) : null;
        update((x) => ({
          ...x,
          recommendations: [...x.recommendations, back.value].sort((a, b) => a.seq - b.seq),
          replies: backReply?.ok ? [...x.replies, backReply.value].sort((a, b) => a.seq - b.seq) : x.replies,
        }));
        return backReply && !backReply.ok ? backReply.error.message : null;
      },
    });
  };

  const imported = (r: ImportCommitResult) => {
    setInfo(`Đã nhập ${nf.format(r.imported)} kiến nghị và ${nf.format(r.replies)} ý kiến trả lời bằng văn bản${r.skipped ? `; bỏ qua ${nf.format(r.skipped)} dòng` : ''}.`);
    void onImported();
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <div className="section-head">
        <h2 id={`${id}-h`}>Kiến nghị trước hội nghị ({list.length})</h2>
        <div className="row gap-s">
          <button type="button" onClick={() => setImporting(true)} data-testid="import-recs">
            Nhập từ tệp Excel/CSV…
          </button>
        </div>
      </div>
      <p className="muted small section-note">Các kiến nghị đã tổng hợp và trả lời bằng văn bản trước buổi đối thoại. Tin bài ghi đủ số lượng; chỉ các cụm tóm tắt được đánh dấu "Đưa vào tin bài" được liệt kê.</p>
      {info ? (
        <div className="banner info" role="status">
          {info}
        </div>
      ) : null}
      {list.length ? (
        <table className="list recs-table" data-testid="pre-recs">
          <thead>
            <tr>
              <th scope="col" className="col-num">
                TT
              </th>
              <th scope="col" className="col-who">
                Người kiến nghị, đơn vị, lĩnh vực
              </th>
              <th scope="col">Nội dung kiến nghị và cụm tóm tắt</th>
              <th scope="col">Trả lời bằng văn bản</th>
              <th scope="col" className="col-actions">
                <span className="sr-only">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((rec, i) => {
              const reply = replyFor(rec.id);
              const n = i + 1;
              const k = (f: string) => `rec:${rec.id}:${f}`;
              return (
                <tr key={rec.id} data-testid="pre-rec">
                  <td className="col-num">{n}</td>
                  <td className="col-who">
                    <TextField className="compact" label={`Người kiến nghị (kiến nghị ${n})`} placeholder="Người kiến nghị" saveKey={k('raisedBy')} value={rec.raisedByText} save={(v) => saveRec(rec.id, { raisedByText: v })} testId={`rec-${n}-by`} autoFocus={focusNew.current === rec.id} />
                    <TextField className="compact" label={`Đơn vị (kiến nghị ${n})`} placeholder="Đơn vị" saveKey={k('unit')} value={rec.unit} save={(v) => saveRec(rec.id, { unit: v })} testId={`rec-${n}-unit`} />
                    <TextField className="compact" label={`Lĩnh vực (kiến nghị ${n})`} placeholder="Lĩnh vực" saveKey={k('topic')} value={rec.topic} save={(v) => saveRec(rec.id, { topic: v })} testId={`rec-${n}-topic`} />
                  </td>
                  <td>
                    <TextField className="compact" label={`Nội dung kiến nghị ${n}`} placeholder="Nội dung kiến nghị" multiline rows={3} saveKey={k('content')} value={rec.content} save={(v) => saveRec(rec.id, { content: v })} testId={`rec-${n}-content`} />
                    <TextField className="compact" label={`Cụm tóm tắt (kiến nghị ${n})`} placeholder="Cụm tóm tắt dùng trong tin bài" max={1000} saveKey={k('short')} value={rec.shortPhrase} save={(v) => saveRec(rec.id, { shortPhrase: v })} testId={`rec-${n}-short`} />
                    <label className="check small">
                      <input type="checkbox" checked={rec.inArticle} onChange={(e) => void saveRec(rec.id, { inArticle: e.target.checked })} data-testid={`rec-${n}-inarticle`} /> Đưa vào tin bài
                    </label>
                  </td>
                  <td>
                    <TextField
                      className="compact"
                      label={`Người / cơ quan trả lời (kiến nghị ${n})`}
                      placeholder="Người / cơ quan trả lời"
                      saveKey={`${k('reply')}:responder`}
                      value={reply?.responderText ?? ''}
                      save={(v) => saveReply(rec.id, { responderText: v })}
                      testId={`rec-${n}-responder`}
                    />
                    <TextField
                      className="compact"
                      label={`Nội dung trả lời (kiến nghị ${n})`}
                      placeholder="Nội dung trả lời"
                      multiline
                      rows={3}
                      saveKey={`${k('reply')}:content`}
                      value={reply?.content ?? ''}
                      save={(v) => saveReply(rec.id, { content: v })}
                      testId={`rec-${n}-answer`}
                    />
                    {reply && reply.recommendationIds.length > 1 ? <div className="field-hint">Trả lời chung cho {reply.recommendationIds.length} kiến nghị.</div> : null}
                  </td>
                  <td className="col-actions">
                    <button type="button" className="danger-link" onClick={() => void remove(rec, i)} aria-label={`Xóa kiến nghị ${n}`} data-testid={`rec-${n}-remove`}>
                      Xóa
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="muted">Chưa có kiến nghị nào. Thêm từng kiến nghị hoặc nhập từ tệp Excel/CSV.</p>
      )}
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      <button type="button" onClick={() => void add()} data-testid="rec-add" className="add-row">
        + Thêm kiến nghị
      </button>
      {importing ? <ImportDialog kind="recommendations" meetingId={meetingId} onClose={() => setImporting(false)} onImported={imported} /> : null}
    </section>
  );
}

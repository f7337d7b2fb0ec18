// The entry panel's saves: each calls the API and puts its answer into the screen's copy of the
// record, and a removal is handed to the screen to ask first.
import { startTransition, useEffect, useMemo, useRef, type Dispatch } from 'react';
import type { Recommendation, Reply, Speech } from '../../../../electron/shared/domain';
import type { Result } from '../../../../electron/shared/result';
import { api } from '../../lib/api';
import { suggestShortPhrase } from '../../lib/short-phrase';
import type { Ops } from './EntryPanel';
import { replacedInPlace, type Action, type ItemKind } from './model';

export function useLiveOps(recs: Recommendation[], dispatch: Dispatch<Action>, askRemove: (kind: ItemKind, id: number) => void) {
  // The newest saved version of each recommendation, ahead of React's render: a content save that
  // follows a phrase save in the queue must see that phrase to know whether it was hand-edited.
  const recsNow = useRef(new Map<number, Recommendation>());
  const recsSeen = useRef<Recommendation[]>([]);
  useEffect(() => {
    // A save replaced one item: set that one, not all 15,000 (at 100×) on every save answer.
    const changed = replacedInPlace(recsSeen.current, recs);
    recsSeen.current = recs;
    if (changed) for (const [, r] of changed) recsNow.current.set(r.id, r);
    else recsNow.current = new Map(recs.map((r) => [r.id, r]));
  }, [recs]);

  // The screen's latest question, so the ops below can stay the same object for the screen's life.
  const askRemoveRef = useRef(askRemove);
  askRemoveRef.current = askRemove;

  const ops: Ops = useMemo(() => {
    const after =
      <T,>(apply: (v: T) => void) =>
      (r: Result<T>): Result<T> => {
        if (r.ok) apply(r.value);
        return r;
      };
    // A save's answer re-renders the screen in a transition: React renders it in slices and lets
    // the next keystroke paint first (the answer itself changes nothing the secretary is typing).
    const later = (a: Action) => startTransition(() => dispatch(a));
    const onRec = (v: Recommendation) => {
      recsNow.current.set(v.id, v);
      later({ type: 'rec', item: v });
    };
    return {
      rec: (id, patch) => api.call('rec.update', { id, patch }).then(after(onRec)),
      recContent: (id, content) => {
        const cur = recsNow.current.get(id);
        // The phrase follows the content until the secretary writes their own.
        const auto = !cur || !cur.shortPhrase.trim() || cur.shortPhrase === suggestShortPhrase(cur.content);
        const patch = auto ? { content, shortPhrase: suggestShortPhrase(content) } : { content };
        return api.call('rec.update', { id, patch }).then(after(onRec));
      },
      reply: (id, patch) => api.call('reply.update', { id, patch }).then(after((v: Reply) => later({ type: 'reply', item: v }))),
      speech: (id, patch) => api.call('speech.update', { id, patch }).then(after((v: Speech) => later({ type: 'speech', item: v }))),
      optimistic: (e) => {
        if (e.kind === 'rec') {
          recsNow.current.set(e.id, e.item);
          dispatch({ type: 'rec', item: e.item });
        } else if (e.kind === 'reply') dispatch({ type: 'reply', item: e.item });
        else dispatch({ type: 'speech', item: e.item });
      },
      remove: (kind, id) => askRemoveRef.current(kind, id),
    };
  }, [dispatch]);

  /** A recommendation created on this screen, known before its render. */
  const noteRec = (v: Recommendation) => recsNow.current.set(v.id, v);

  return { ops, noteRec };
}

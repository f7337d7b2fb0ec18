// The items the first read sent only as a skeleton (meeting.live, shared/live.ts), brought whole
// once the secretary's first action is taken (or after a moment), a slice at a time, a frame
// apart, so the secretary can type while they arrive. An item
// opened before it arrived is asked for at once, alone; until then the screen shows it as
// loading rather than a form (a form on a skeleton would save its empty text).
import { startTransition, useEffect, useRef, type Dispatch } from 'react';
import type { MeetingRecord } from '../../../../electron/shared/domain';
import { LIVE_ITEMS_MAX } from '../../../../electron/shared/live';
import { api } from '../../lib/api';
import { isSkeleton, skeletonIds, type Action, type Entry, type LiveData } from './model';

/** After the next frame is painted (or 100 ms, where a hidden page paints nothing). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(t);
        resolve();
      }, 0),
    );
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** How long the screen waits for the secretary's first action before bringing the rest anyway. */
const FILL_DELAY_MS = 1_500;

/**
 * Until the secretary's first action (a character typed, a click) has been taken, or a moment
 * has passed: the first keystroke never waits behind the rest of a 30,000-item meeting.
 */
function firstActionOr(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(t);
      document.removeEventListener('input', done, true);
      document.removeEventListener('pointerdown', done, true);
      resolve();
    };
    const t = setTimeout(done, ms);
    document.addEventListener('input', done, true);
    document.addEventListener('pointerdown', done, true);
  });
}

/** Errors the next try would meet again: stop instead of asking every 2 s. */
const FINAL = new Set(['not_found', 'validation', 'forbidden']);

export function useLiveFill(record: MeetingRecord, data: LiveData, current: Entry | null, dispatch: Dispatch<Action>, onError: (message: string) => void): void {
  const dataRef = useRef(data);
  dataRef.current = data;

  useEffect(() => {
    let stop = false;
    const asked = new Set<string>();
    void (async () => {
      await firstActionOr(FILL_DELAY_MS);
      await afterPaint();
      while (!stop) {
        const left = skeletonIds(dataRef.current);
        const recIds = left.recs.filter((id) => !asked.has(`rec${id}`)).slice(0, LIVE_ITEMS_MAX);
        const replyIds = left.replies.filter((id) => !asked.has(`reply${id}`)).slice(0, LIVE_ITEMS_MAX - recIds.length);
        if (!recIds.length && !replyIds.length) return;
        const r = await api.call('meeting.liveItems', { id: record.meeting.id, recIds, replyIds });
        if (stop) return;
        if (!r.ok) {
          if (FINAL.has(r.error.code)) return onError(r.error.message);
          await sleep(2_000); // the core unreachable for a moment: the items wait, typing does not
          continue;
        }
        for (const id of recIds) asked.add(`rec${id}`);
        for (const id of replyIds) asked.add(`reply${id}`);
        // In a transition: a keystroke arriving meanwhile is painted first.
        startTransition(() => dispatch({ type: 'fill', items: r.value }));
        await afterPaint();
      }
    })();
    return () => {
      stop = true;
    };
  }, [record, dispatch, onError]);

  // The item opened is wanted now, not after the slices before it.
  const want = current && current.kind !== 'speech' && isSkeleton(current.item) ? current : null;
  useEffect(() => {
    if (!want) return;
    let stop = false;
    const input = { id: want.item.meetingId, recIds: want.kind === 'rec' ? [want.id] : [], replyIds: want.kind === 'reply' ? [want.id] : [] };
    void api.call('meeting.liveItems', input).then((r) => {
      if (stop) return;
      if (!r.ok) return onError(r.error.message);
      if (!(want.kind === 'rec' ? r.value.recs : r.value.replies).length)
        return onError('Không tải được mục này: có thể nó vừa bị xóa ở nơi khác. Hãy tải lại trang (F5) rồi mở lại.');
      dispatch({ type: 'fill', items: r.value });
    });
    return () => {
      stop = true;
    };
  }, [want, dispatch, onError]);
}

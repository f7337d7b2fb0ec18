import { describe, expect, it } from 'vitest';
import { mergeSnapshot, type LiveData } from '../../renderer/src/screens/live/model';
import type { Recommendation } from '../../electron/shared/domain';
import { makeRec } from '../helpers/live-items';

const rec = (id: number, seq: number, content = ''): Recommendation => makeRec(id, seq, { content });
const data = (recs: Recommendation[]): LiveData => ({ meeting: { id: 1 } as LiveData['meeting'], attendees: [], speeches: [], recs, replies: [], photos: [] });

describe('live screen: a snapshot from the core meets local changes', () => {
  it('keeps an item created on the screen after the snapshot was read', () => {
    const merged = mergeSnapshot(data([rec(1, 1), rec(2, 2), rec(3, 3, 'mới tạo')]), data([rec(1, 1), rec(2, 2)]));
    expect(merged.recs.map((r) => r.id)).toEqual([1, 2, 3]);
  });
  it('otherwise takes the snapshot: items deleted elsewhere go, newer versions win', () => {
    const merged = mergeSnapshot(data([rec(1, 1, 'cũ'), rec(2, 2)]), data([rec(1, 1, 'mới'), rec(3, 3)]));
    expect(merged.recs.map((r) => [r.id, r.content])).toEqual([
      [1, 'mới'],
      [3, ''],
    ]);
  });
});

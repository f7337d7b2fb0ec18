// Builds meetings through the channels, as the app does, for the follow-up tests.
import type { TestCore } from '../../helpers/core';

export type Built = { meetingId: number; recIds: number[] };

/** A meeting on `date` with `n` recommendations (topics cycle through `topics`). */
export async function meetingWithRecs(core: TestCore, date: string, n: number, topics = ['đất đai', 'môi trường', 'giáo dục']): Promise<Built> {
  const m = await core.call('meeting.create', { fields: { title: `Hội nghị đối thoại ngày ${date}`, date } });
  const recIds: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await core.call('rec.create', { meetingId: m.id, phase: 'during', content: `Kiến nghị số ${i + 1} về đường giao thông ở tổ dân phố ${i + 1}`, topic: topics[i % topics.length]! });
    recIds.push(r.id);
  }
  return { meetingId: m.id, recIds };
}

/** The register item uid of a recommendation. */
export function recUid(core: TestCore, recId: number): string {
  return (core.db.prepare('SELECT uid FROM recommendations WHERE id = ?').get(recId) as { uid: string }).uid;
}

/** Everything the register shows, without the local ids that differ between two databases. */
export async function registerView(core: TestCore, today = '2026-01-15') {
  const page = await core.call('register.query', { today, limit: 100_000 });
  const out = [];
  for (const i of [...page.items].sort((a, b) => (a.uid < b.uid ? -1 : 1))) {
    const d = await core.call('register.item', { uid: i.uid });
    out.push({
      ...i,
      meetingId: 0,
      recommendationId: 0,
      document: i.document ? { ...i.document, fileId: i.document.fileId === null ? null : 1 } : null,
      history: d.history,
    });
  }
  return out;
}

// Search results come best first, and the type-ahead prefers the given name: two promises that
// no test noticed being broken (issue 13: `ORDER BY rank` dropped, the given-name preference
// dropped). Real SQLite FTS5 through the core's channels.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TestCore } from '../../helpers/core';
import { indexItem, searchAll } from '../../../electron/core/search/search';
import { prepareDirectory, searchPrepared } from '../../../electron/shared/people-search';
import type { Person } from '../../../electron/shared/domain';

let core: TestCore;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

describe('search: best match first', () => {
  it('orders by relevance, not by the order items were written', async () => {
    const m = await core.call('meeting.create', { fields: { title: 'Hội nghị thử' } });
    // Written first (lower rowid): a long text that mentions the word once.
    const filler = 'ý kiến về đường giao thông nông thôn và hệ thống thoát nước khu dân cư '.repeat(12);
    indexItem(core.db, 'speech', 1, m.id, [`${filler} ao Sông Pheo ${filler}`]);
    indexItem(core.db, 'speech', 2, m.id, [`${filler} đê ${filler}`]);
    // Written last (highest rowid): short, and about nothing else.
    indexItem(core.db, 'speech', 3, m.id, ['Sông Pheo: nạo vét Sông Pheo']);

    const hits = searchAll(core.db, 'song pheo');
    expect(hits.map((h) => [h.entity, h.entityId])).toEqual([
      ['speech', 3],
      ['speech', 1],
    ]);
    // LIMIT keeps the best, not the first written.
    expect(searchAll(core.db, 'song pheo', 1).map((h) => h.entityId)).toEqual([3]);
    const viaChannel = await core.call('search.query', { query: 'Sông Pheo', limit: 1 });
    expect(viaChannel.map((h) => h.entityId)).toEqual([3]);
  });
});

describe('type-ahead: the given name first', () => {
  const people: Person[] = [
    // Better protocol rank, but "Hùng" is a middle name here.
    { id: 1, fullName: 'Lê Hùng Cường', titles: ['Chủ tịch UBND phường'], organization: 'Phường Cổ Nhuế 1', rank: 1 },
    { id: 2, fullName: 'Trần Văn Hùng', titles: ['Tổ trưởng dân phố'], organization: 'Tổ dân phố 5', rank: 9 },
    { id: 3, fullName: 'Hùng Thị Mai', titles: ['Hội viên'], organization: 'Chi hội 3', rank: 0 },
  ];

  it('ranks the person whose given name matches above a better-ranked middle or family name', () => {
    const dir = prepareDirectory(people);
    expect(searchPrepared(dir, 'hung', 10).map((p) => p.id)).toEqual([2, 3, 1]);
    expect(searchPrepared(dir, 'Hùng', 1).map((p) => p.id)).toEqual([2]);
  });

  it('does the same through people.search on a real database', async () => {
    for (const p of people) await core.call('people.create', { fullName: p.fullName, titles: p.titles, organization: p.organization, rank: p.rank });
    const found = await core.call('people.search', { query: 'hung', limit: 10 });
    expect(found.map((p) => p.fullName)).toEqual(['Trần Văn Hùng', 'Hùng Thị Mai', 'Lê Hùng Cường']);
  });
});

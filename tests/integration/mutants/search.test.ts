// Search internals pinned exactly: what goes into the index (and what does not), the FTS query
// built from what was typed, and the excerpt shown under each hit. Written against the mutants
// Stryker found surviving in electron/core/search/search.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TestCore } from '../../helpers/core';
import { indexItem, RANK_WINDOW, searchAll, snippetOf, toFtsQuery, unindexItem, unindexMeeting } from '../../../electron/core/search/search';

let core: TestCore;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

// Rowids go down as rows are written (migration 008): newest last is rowid DESC.
const rows = (meetingId: number) => core.db.prepare('SELECT original, body FROM search_index WHERE meeting_id = ? ORDER BY rowid DESC').all(meetingId);

describe('the index', () => {
  it('stores the non-empty parts joined by " \\n ", and the folded body', async () => {
    const m = await core.call('meeting.create', { fields: { title: 'Thử' } });
    const before = rows(m.id).length;
    indexItem(core.db, 'attendee', 7, m.id, ['Nguyễn Văn Đông', '', 'Phường Cổ Nhuế']);
    expect(rows(m.id).slice(before)).toEqual([{ original: 'Nguyễn Văn Đông \n Phường Cổ Nhuế', body: 'nguyen van dong \n phuong co nhue' }]);
  });

  it('blank text removes the item instead of indexing it', async () => {
    const m = await core.call('meeting.create', { fields: { title: 'Thử' } });
    const before = rows(m.id).length;
    indexItem(core.db, 'speech', 1, m.id, ['Nội dung']);
    indexItem(core.db, 'speech', 1, m.id, ['   ', '']);
    indexItem(core.db, 'speech', 2, m.id, ['', '']);
    expect(rows(m.id).length).toBe(before);
  });

  it('re-indexing replaces, unindexing removes one item, unindexing a meeting removes only its items', async () => {
    const a = await core.call('meeting.create', { fields: { title: 'A' } });
    const b = await core.call('meeting.create', { fields: { title: 'B' } });
    indexItem(core.db, 'speech', 1, a.id, ['cũ']);
    indexItem(core.db, 'speech', 1, a.id, ['mới']);
    indexItem(core.db, 'reply', 1, a.id, ['trả lời']);
    indexItem(core.db, 'speech', 2, b.id, ['khác']);
    expect(rows(a.id).map((r) => (r as { original: string }).original)).toEqual(expect.arrayContaining(['mới', 'trả lời']));
    expect(rows(a.id).map((r) => (r as { original: string }).original)).not.toContain('cũ');
    unindexItem(core.db, 'reply', 1);
    expect(rows(a.id).map((r) => (r as { original: string }).original)).not.toContain('trả lời');
    unindexMeeting(core.db, a.id);
    expect(rows(a.id)).toEqual([]);
    expect(rows(b.id).map((r) => (r as { original: string }).original)).toContain('khác');
  });

  it('a hit names its entity and id', async () => {
    const m = await core.call('meeting.create', { fields: { title: 'Thử' } });
    indexItem(core.db, 'reply', 42, m.id, ['Trả lời về xylophon']);
    indexItem(core.db, 'recommendation', 43, m.id, ['Kiến nghị xylophon']);
    const hits = searchAll(core.db, 'xylophon');
    expect(hits.map((h) => [h.entity, h.entityId, h.meetingId]).sort()).toEqual([
      ['recommendation', 43, m.id],
      ['reply', 42, m.id],
    ]);
    expect(searchAll(core.db, '!!!')).toEqual([]);
  });
});

describe('the ranked window', () => {
  // The window leaves trashed meetings out with two joins, run only while the trash holds a
  // meeting: a trashed meeting's rows must never take the places of live ones.
  it("does not let a trashed meeting's rows take the window's places", async () => {
    const live = await core.call('meeting.create', { fields: { title: 'Còn dùng' } });
    const gone = await core.call('meeting.create', { fields: { title: 'Trong thùng rác' } });
    // The live match is written first (oldest), then a full window of newer matches in the
    // meeting about to be trashed: were they counted before the filter, it would fall outside.
    indexItem(core.db, 'recommendation', 1, live.id, ['Đèn tín hiệu ngã tư Cổ Nhuế']);
    core.db.transaction(() => {
      for (let i = 2; i <= RANK_WINDOW + 1; i++) indexItem(core.db, 'recommendation', i, gone.id, [`Đèn tín hiệu số ${i}`]);
    })();
    expect(searchAll(core.db, 'den tin hieu', 5).map((h) => h.meetingId)).toEqual(Array(5).fill(gone.id));
    core.db.prepare("UPDATE meetings SET deleted_at = 'x' WHERE id = ?").run(gone.id);
    expect(searchAll(core.db, 'den tin hieu').map((h) => `${h.entity}:${h.entityId}`)).toEqual(['recommendation:1']);
    // Restored from the trash, its rows are found again.
    core.db.prepare('UPDATE meetings SET deleted_at = NULL WHERE id = ?').run(gone.id);
    expect(searchAll(core.db, 'den tin hieu', 5).map((h) => h.meetingId)).toEqual(Array(5).fill(gone.id));
  });
});

describe('toFtsQuery', () => {
  it('quotes each folded word as a prefix term, space separated, at most 12', () => {
    expect(toFtsQuery('Sông Pheo')).toBe('"song"* "pheo"*');
    expect(toFtsQuery('a b c d e f g h i j k l m n')).toBe('"a"* "b"* "c"* "d"* "e"* "f"* "g"* "h"* "i"* "j"* "k"* "l"*');
    expect(toFtsQuery('!!! ---')).toBeNull();
    expect(toFtsQuery('')).toBeNull();
  });
});

describe('snippetOf', () => {
  const long = 'Đầu đoạn văn bản dài nói về nhiều việc khác nhau của phường, rồi đến chuyện nạo vét sông Pheo cho sạch, sau đó còn nói thêm rất nhiều điều khác nữa về giao thông và trường học của quận.';

  it('cuts around the match with an ellipsis on each cut side', () => {
    expect(snippetOf(long, long.toLowerCase(), ['pheo'], 20)).toBe('…chuyện nạo vét sông Pheo cho sạch, sau đó còn nói thêm rất n…');
    expect(snippetOf(long, long.toLowerCase(), ['dau'], 20)).toBe('Đầu đoạn văn bản dài nói về nhiều việc k…');
  });

  it('stays inside the field that matched', () => {
    expect(snippetOf('Nguyễn Văn A \n Phường Cổ Nhuế \n Đề nghị nạo vét sông Pheo', 'nguyen van a \n phuong co nhue \n de nghi nao vet song pheo', ['pheo'])).toBe('Đề nghị nạo vét sông Pheo');
  });

  it('stops at the end of the field that matched, before the next one', () => {
    expect(snippetOf('Đề nghị nạo vét sông Pheo \n Nguyễn Văn A', 'de nghi nao vet song pheo \n nguyen van a', ['pheo'])).toBe('Đề nghị nạo vét sông Pheo');
  });

  it('with no match, starts at the beginning: 120 characters and an ellipsis', () => {
    const s = snippetOf('x'.repeat(200), 'x'.repeat(200), ['zz']);
    expect(s).toBe(`${'x'.repeat(120)}…`);
  });

  it('collapses runs of white space', () => {
    expect(snippetOf('a  b\tc', 'a  b\tc', ['b'])).toBe('a b c');
  });

  it('falls back to the folded body when the lengths differ', () => {
    expect(snippetOf('ABC', 'abcd', ['b'])).toBe('abcd');
  });

  it('matches at the start of a word only, the earliest of the words', () => {
    // The cut is measured from the word's first letter, not from the separator before it.
    expect(snippetOf('xsong song', 'xsong song', ['song'], 2)).toBe('…g song');
    expect(snippetOf('pheo song', 'pheo song', ['song', 'pheo'], 1)).toBe('ph…');
    expect(snippetOf('song pheo', 'song pheo', ['pheo', 'song'], 1)).toBe('so…');
    expect(snippetOf('song pheo', 'song pheo', ['zz', 'pheo'], 1)).toBe('…ph…');
    // The earliest match wins whatever the order of the words, and a word not found changes nothing.
    expect(snippetOf('song pheo', 'song pheo', ['song', 'pheo'], 1)).toBe('so…');
    expect(snippetOf('song pheo', 'song pheo', ['pheo', 'zz'], 1)).toBe('…ph…');
    expect(snippetOf('a song pheo', 'a song pheo', ['pheo', 'song', 'zz'], 1)).toBe('…so…');
  });

  it('treats the words literally, not as patterns', () => {
    expect(snippetOf('abc a.c', 'abc a.c', ['a.c'], 1)).toBe('…a.…');
  });
});

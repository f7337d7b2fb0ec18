// Search since migration 008 (electron/core/search/search.ts): rowids say how recently a row was
// written, the newest RANK_WINDOW matches are ranked by relevance, every kind of item is found
// and named, trashed meetings stay out, and a file indexed before the migration searches the same.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { indexItem, RANK_WINDOW, searchAll, unindexItem, unindexMeeting } from '../../electron/core/search/search';
import { tempCore, tempDir, type TestCore } from '../helpers/core';

let core: TestCore | null = null;
afterEach(() => {
  core?.dispose();
  core = null;
});

const key = (h: { entity: string; entityId: number }): string => `${h.entity}:${h.entityId}`;

describe('search over the recency index', () => {
  it('finds and names every kind of item, with prefixes of one to three letters and beyond', async () => {
    core = tempCore();
    const m = await core.call('meeting.create', { fields: { title: 'Đối thoại phường Tây Tựu' } });
    indexItem(core.db, 'meeting', m.id, m.id, ['Đối thoại phường Tây Tựu']);
    indexItem(core.db, 'attendee', 11, m.id, ['Đặng Văn Dũng']);
    indexItem(core.db, 'speech', 12, m.id, ['Khai mạc hội nghị']);
    indexItem(core.db, 'recommendation', 13, m.id, ['Đề nghị nạo vét sông Pheo']);
    indexItem(core.db, 'reply', 14, m.id, ['Quận sẽ nạo vét sông Pheo trong quý IV']);
    const found = (q: string): string[] => searchAll(core!.db, q).map(key).sort();
    expect(found('d')).toEqual(['attendee:11', 'meeting:' + m.id, 'recommendation:13'].sort());
    expect(found('da')).toEqual(['attendee:11']);
    expect(found('dun')).toEqual(['attendee:11']);
    expect(found('dang dung')).toEqual(['attendee:11']);
    expect(found('song pheo')).toEqual(['recommendation:13', 'reply:14']);
    expect(found('khai mac')).toEqual(['speech:12']);
    const hit = searchAll(core.db, 'pheo quy')[0]!;
    expect(hit).toMatchObject({ entity: 'reply', entityId: 14, meetingId: m.id, meetingTitle: 'Đối thoại phường Tây Tựu' });
    expect(hit.snippet).toContain('sông Pheo');
    // Re-indexing replaces, never duplicates; empty text and unindexItem remove.
    indexItem(core.db, 'reply', 14, m.id, ['Quận sẽ nạo vét sông Pheo']);
    expect(found('pheo')).toEqual(['recommendation:13', 'reply:14']);
    indexItem(core.db, 'reply', 14, m.id, ['']);
    expect(found('pheo')).toEqual(['recommendation:13']);
    unindexItem(core.db, 'recommendation', 13);
    expect(found('pheo')).toEqual([]);
    expect(core.db.prepare('SELECT count(*) FROM search_rows').pluck().get()).toBe(core.db.prepare('SELECT count(*) FROM search_index').pluck().get());
  });

  it('ranks the newest matches by relevance, and an edited item counts as new', async () => {
    core = tempCore();
    const m = await core.call('meeting.create', { fields: { title: 'Hội nghị' } });
    const filler = 'ý kiến về đường giao thông nông thôn và hệ thống thoát nước khu dân cư '.repeat(4);
    // The best match is written first, then a full window of weaker ones.
    indexItem(core.db, 'recommendation', 1, m.id, ['Sông Pheo: nạo vét sông Pheo']);
    const weak = core.db.transaction(() => {
      for (let i = 2; i <= RANK_WINDOW + 1; i++) indexItem(core!.db, 'recommendation', i, m.id, [`${filler} sông Pheo ${filler}`]);
    });
    weak();
    // Outside the window: the archive's oldest match is not ranked (the bound, documented).
    expect(searchAll(core.db, 'song pheo', 1).map((h) => h.entityId)).not.toEqual([1]);
    // Typed into again, it is the newest row and ranks first.
    indexItem(core.db, 'recommendation', 1, m.id, ['Sông Pheo: nạo vét sông Pheo ngay']);
    expect(searchAll(core.db, 'song pheo', 3).map((h) => h.entityId)[0]).toBe(1);
    // Within the window, the order is bm25's: the short text with both words twice first.
    indexItem(core.db, 'recommendation', RANK_WINDOW + 5, m.id, [`${filler} sông Pheo ${filler}`]);
    expect(searchAll(core.db, 'song pheo', 1).map((h) => h.entityId)).toEqual([1]);
  });

  it('leaves out trashed meetings and forgets purged ones', async () => {
    core = tempCore();
    const a = await core.call('meeting.create', { fields: { title: 'Giữ lại' } });
    const b = await core.call('meeting.create', { fields: { title: 'Xóa đi' } });
    indexItem(core.db, 'recommendation', 1, a.id, ['Đèn tín hiệu ngã tư']);
    indexItem(core.db, 'recommendation', 2, b.id, ['Đèn tín hiệu ngã tư']);
    core.db.prepare("UPDATE meetings SET deleted_at = 'x' WHERE id = ?").run(b.id);
    expect(searchAll(core.db, 'den tin hieu').map((h) => h.meetingId)).toEqual([a.id]);
    unindexMeeting(core.db, b.id);
    expect(core.db.prepare('SELECT count(*) FROM search_rows WHERE meeting_id = ?').pluck().get(b.id)).toBe(0);
    expect(core.db.prepare('SELECT count(*) FROM search_index WHERE meeting_id = ?').pluck().get(b.id)).toBe(0);
    expect(searchAll(core.db, 'den tin hieu').map((h) => h.meetingId)).toEqual([a.id]);
  });

  it('keeps every row, its rowid and the order of hits through migration 010 (prefix indexes 1–6)', () => {
    const file = path.join(tempDir(), 'thuky.sqlite3');
    const old = openDatabase(file, { targetVersion: 9 });
    old.prepare("INSERT INTO meetings (id, title, created_at, updated_at) VALUES (1, 'Cũ', 'x', 'x'), (2, 'Mới', 'x', 'x')").run();
    const texts = ['Cấp giấy chứng nhận quyền sử dụng đất', 'Nhanh chóng cấp giấy chứng nhận', 'Trường học xuống cấp', 'Người có công với cách mạng', 'Chứng nhận nhà ở, trường mầm non'];
    texts.forEach((t, i) => indexItem(old, i % 2 ? 'reply' : 'recommendation', i + 1, 1 + (i % 2), [t]));
    const queries = ['chung nhan', 'nhan', 'nhanh', 'truon', 'truong hoc', 'cap', 'ng', 'nguoi co cong'];
    const before = queries.map((q) => searchAll(old, q));
    const rowsBefore = old.prepare('SELECT rowid, body, meeting_id, original FROM search_index ORDER BY rowid').all();
    old.close();
    const db = openDatabase(file);
    try {
      expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_index'").pluck().get()).toContain("prefix = '1 2 3 4 5 6'");
      expect(db.prepare('SELECT rowid, body, meeting_id, original FROM search_index ORDER BY rowid').all()).toEqual(rowsBefore);
      expect(queries.map((q) => searchAll(db, q))).toEqual(before);
      expect(searchAll(db, 'nhanh').map(key)).toEqual(['reply:2']);
      expect(searchAll(db, 'chung nhan').length).toBe(3);
      // New rows keep going down from the migrated ones.
      indexItem(db, 'recommendation', 9, 1, ['Chứng nhận mới']);
      expect(searchAll(db, 'chung nhan', 1).map(key)).toEqual(['recommendation:9']);
    } finally {
      db.close();
    }
  });

  it('finds the same items after migrating a file indexed the old way', () => {
    const file = path.join(tempDir(), 'thuky.sqlite3');
    const old = openDatabase(file, { targetVersion: 7 });
    old.prepare("INSERT INTO meetings (id, title, created_at, updated_at) VALUES (1, 'Cũ', 'x', 'x'), (2, 'Mới', 'x', 'x')").run();
    indexItem(old, 'recommendation', 7, 1, ['Cấp giấy chứng nhận quyền sử dụng đất']);
    indexItem(old, 'reply', 8, 2, ['Về cấp giấy chứng nhận: quận đang rà soát']);
    indexItem(old, 'attendee', 9, 2, ['Nguyễn Thị Giang']);
    const before = searchAll(old, 'cap giay').map(key).sort();
    expect(before).toEqual(['recommendation:7', 'reply:8']);
    old.close();
    const db = openDatabase(file);
    try {
      expect(searchAll(db, 'cap giay').map(key).sort()).toEqual(before);
      expect(searchAll(db, 'gi').map(key).sort()).toEqual(['attendee:9', 'recommendation:7', 'reply:8']);
      // The newer meeting's rows come first in rowid order (smaller rowids).
      const rows = db.prepare('SELECT meeting_id FROM search_rows ORDER BY rowid').pluck().all();
      expect(rows).toEqual([2, 2, 1]);
      // And new rows keep going down.
      indexItem(db, 'recommendation', 7, 1, ['Cấp giấy chứng nhận lần hai']);
      expect(db.prepare('SELECT meeting_id FROM search_rows ORDER BY rowid LIMIT 1').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });
});

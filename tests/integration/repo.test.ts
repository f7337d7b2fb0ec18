// The core through its real handler registration, on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TestCore } from '../helpers/core';

let core: TestCore;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

describe('meetings, roster and events', () => {
  it('keeps everything it is given, character for character', async () => {
    const m = await core.call('meeting.create', { fields: { title: 'Hội nghị đối thoại', organizer: 'Quận Bắc Từ Liêm' } });
    await core.call('meeting.update', { id: m.id, patch: { date: '2019-10-18', startTime: '14:00', location: 'Hội trường UBND Quận', audience: 'cán bộ, hội viên phụ nữ Quận' } });
    const p = await core.call('people.create', { fullName: 'Trương Quang Thiều', titles: ['TUV', 'Bí thư Quận ủy'], organization: 'quận Bắc Từ Liêm' });
    const a = await core.call('attendee.add', { meetingId: m.id, personId: p.id, role: 'chair' });
    const b = await core.call('attendee.add', { meetingId: m.id, role: 'guest', newPerson: { fullName: 'Nguyễn Kim Hoàng', titles: ['Phó trưởng Ban Dân vận Thành ủy'], organization: 'Thành ủy Hà Nội' } });
    await core.call('group.add', { meetingId: m.id, text: 'lãnh đạo các phòng, ban chuyên môn Hội LHPN Hà Nội', role: 'guest' });
    const rep = await core.call('speech.create', { meetingId: m.id, kind: 'report', speakerAttendeeId: a.id, summary: 'Báo cáo 9 tháng 2019' });
    const r = await core.call('rec.create', { meetingId: m.id, phase: 'during', raisedByText: 'Nguyễn Thị Lan', unit: 'Hội LHPN phường Tây Tựu', content: 'Xử lý ô nhiễm sông Pheo' });
    // Typed through a combining-mark input method: stored as NFC.
    await core.call('rec.update', { id: r.id, patch: { shortPhrase: 'xử lý vấn đề ô nhiễm nguồn nước sông Pheo'.normalize('NFD') } });
    const reply = await core.call('reply.create', { meetingId: m.id, responderAttendeeId: a.id, content: 'Quận sẽ nạo vét trong quý I', kind: 'written_later', agency: 'Phòng TN&MT', deadline: '2020-03-31', recommendationIds: [r.id] });

    const rec = await core.call('meeting.get', { id: m.id });
    expect(rec.meeting).toMatchObject({ title: 'Hội nghị đối thoại', date: '2019-10-18', startTime: '14:00', status: 'draft' });
    expect(rec.attendees.map((x) => x.fullName)).toEqual(['Trương Quang Thiều', 'Nguyễn Kim Hoàng']);
    expect(rec.attendees[0].titles).toEqual(['TUV', 'Bí thư Quận ủy']);
    expect(rec.groups[0].text).toBe('lãnh đạo các phòng, ban chuyên môn Hội LHPN Hà Nội');
    expect(rec.speeches[0]).toMatchObject({ id: rep.id, kind: 'report', speakerAttendeeId: a.id });
    expect(rec.recommendations[0].shortPhrase).toBe('xử lý vấn đề ô nhiễm nguồn nước sông Pheo'.normalize('NFC'));
    expect(rec.replies[0]).toMatchObject({ id: reply.id, kind: 'written_later', deadline: '2020-03-31', recommendationIds: [r.id] });
    // Timeline order is meeting-wide.
    expect([rec.speeches[0].seq, rec.recommendations[0].seq, rec.replies[0].seq]).toEqual([1, 2, 3]);
    expect(b.role).toBe('guest');
  });

  it('sorts the roster into protocol order by rank, and reorders by hand', async () => {
    const m = await core.call('meeting.create', {});
    const add = (fullName: string, titles: string[], role: 'guest' | 'host' | 'chair' | 'reporter') =>
      core.call('attendee.add', { meetingId: m.id, role, newPerson: { fullName, titles, organization: 'quận Bắc Từ Liêm' } });
    const cuong = await add('Trần Thế Cương', ['Phó Bí thư Quận ủy', 'Chủ tịch UBND Quận'], 'reporter');
    const tuyen = await add('Nguyễn Hữu Tuyên', ['UVTV', 'Chủ tịch HĐND Quận'], 'host');
    const khanh = await add('Nguyễn Công Khanh', ['Phó Bí thư Thường trực Quận ủy'], 'host');
    const thieu = await add('Trương Quang Thiều', ['TUV', 'Bí thư Quận ủy'], 'chair');
    const hoang = await add('Nguyễn Kim Hoàng', ['Phó trưởng Ban Dân vận Thành ủy'], 'guest');
    const sorted = await core.call('attendee.sortByRank', { meetingId: m.id });
    expect(sorted.map((a) => a.id)).toEqual([hoang.id, thieu.id, khanh.id, tuyen.id, cuong.id]);
    const manual = await core.call('attendee.reorder', { meetingId: m.id, ids: [thieu.id, hoang.id] });
    expect(manual.map((a) => a.id)).toEqual([thieu.id, hoang.id, khanh.id, tuyen.id, cuong.id]);
  });

  it('soft-deletes and restores (Hoàn tác)', async () => {
    const m = await core.call('meeting.create', {});
    const r = await core.call('rec.create', { meetingId: m.id, phase: 'during', content: 'Nội dung quan trọng' });
    await core.call('rec.remove', { id: r.id });
    expect((await core.call('meeting.get', { id: m.id })).recommendations).toHaveLength(0);
    await core.call('rec.restore', { id: r.id });
    expect((await core.call('meeting.get', { id: m.id })).recommendations[0].content).toBe('Nội dung quan trọng');
  });

  it('refuses bad input with a Vietnamese message and keeps stored data', async () => {
    const m = await core.call('meeting.create', { fields: { title: 'Giữ nguyên' } });
    const r = await core.call('rec.create', { meetingId: m.id, phase: 'during', content: 'trước' });
    const cases: [string, unknown, RegExp][] = [
      ['rec.update', { id: r.id, patch: { content: 'x'.repeat(100_000) } }, /quá dài: tối đa 20\.000 ký tự/],
      ['meeting.update', { id: m.id, patch: { date: '2019-02-31' } }, /không có thật/],
      ['meeting.update', { id: m.id, patch: { startTime: '25:00' } }, /Giờ bắt đầu không hợp lệ/],
      ['meeting.update', { id: m.id, patch: { title: 42 } }, /Tên hội nghị/],
      ['people.create', { fullName: '   ', titles: [], organization: '' }, /Họ tên không được để trống/],
      ['rec.update', { id: 999_999, patch: { content: 'a' } }, /Không tìm thấy kiến nghị/],
      ['no.such.channel', {}, /không hợp lệ/],
    ];
    for (const [channel, input, msg] of cases) {
      const res = await core.registry.dispatch(channel, input);
      expect(res.ok, channel).toBe(false);
      if (!res.ok) expect(res.error.message).toMatch(msg);
    }
    await core.call('meeting.update', { id: m.id, patch: { startTime: '14:00' } });
    const end = await core.registry.dispatch('meeting.update', { id: m.id, patch: { endTime: '13:00' } });
    expect(end.ok).toBe(false);
    if (!end.ok) expect(end.error.message).toMatch(/Giờ kết thúc \(13:00\) đang trước giờ bắt đầu/);
    const rec = await core.call('meeting.get', { id: m.id });
    expect(rec.meeting.title).toBe('Giữ nguyên');
    expect(rec.meeting.date).toBeNull();
    expect(rec.meeting.endTime).toBeNull();
    expect(rec.recommendations[0].content).toBe('trước');
  });

  it('stores hostile and unusual text as is', async () => {
    const weird = [
      '<img src=x onerror=alert(1)>',
      "'); DROP TABLE meetings; --",
      'Phụ nữ 👩‍🌾 khởi nghiệp',
      'zero\u200bwidth',
      'عربى RTL',
    ];
    const m = await core.call('meeting.create', {});
    for (const w of weird) await core.call('rec.create', { meetingId: m.id, phase: 'during', raisedByText: w, content: w });
    const rec = await core.call('meeting.get', { id: m.id });
    expect(rec.recommendations.map((r) => r.content)).toEqual(weird.map((w) => w.normalize('NFC')));
  });

  it('writes an audit log, folding keystroke-level updates of one field', async () => {
    const m = await core.call('meeting.create', {});
    const r = await core.call('rec.create', { meetingId: m.id, phase: 'during' });
    for (const s of ['X', 'Xử', 'Xử lý']) await core.call('rec.update', { id: r.id, patch: { content: s } });
    await core.call('rec.remove', { id: r.id });
    const log = await core.call('audit.list', { meetingId: m.id });
    expect(log.map((e) => `${e.entity}:${e.action}`)).toEqual(['recommendation:remove', 'recommendation:update', 'recommendation:create', 'meeting:create']);
  });

  it('copies a meeting with its roster but none of what was said', async () => {
    const m = await core.call('meeting.create', { fields: { title: 'Đối thoại 2019', organizer: 'Quận Bắc Từ Liêm' } });
    await core.call('attendee.add', { meetingId: m.id, role: 'chair', newPerson: { fullName: 'Trương Quang Thiều', titles: ['Bí thư Quận ủy'], organization: '' } });
    await core.call('rec.create', { meetingId: m.id, phase: 'during', content: 'không được chép' });
    const copy = await core.call('meeting.create', { copyFromId: m.id });
    const rec = await core.call('meeting.get', { id: copy.id });
    expect(rec.meeting.organizer).toBe('Quận Bắc Từ Liêm');
    expect(rec.attendees.map((a) => a.fullName)).toEqual(['Trương Quang Thiều']);
    expect(rec.recommendations).toHaveLength(0);
  });

  it('type-ahead folds diacritics and matches initials', async () => {
    for (const [fullName, t] of [
      ['Trương Quang Thiều', 'Bí thư Quận ủy'],
      ['Nguyễn Hữu Tuyên', 'Chủ tịch HĐND Quận'],
      ['Trần Thế Cương', 'Chủ tịch UBND Quận'],
    ])
      await core.call('people.create', { fullName, titles: [t], organization: '' });
    const names = async (query: string) => (await core.call('people.search', { query })).map((p) => p.fullName);
    expect(await names('thieu')).toEqual(['Trương Quang Thiều']);
    expect(await names('ttq')).toEqual(['Trương Quang Thiều']);
    expect(await names('tqt')).toEqual(['Trương Quang Thiều']);
    expect(await names('tuyen')).toEqual(['Nguyễn Hữu Tuyên']);
    expect(await names('hdnd')).toEqual(['Nguyễn Hữu Tuyên']);
  });
});

describe('search across meetings', () => {
  it('finds HĐND, sông Pheo and Tuyên from unaccented queries, and forgets deleted items', async () => {
    const m = await core.call('meeting.create', { fields: { title: 'Đối thoại với phụ nữ' } });
    await core.call('attendee.add', { meetingId: m.id, role: 'host', newPerson: { fullName: 'Nguyễn Hữu Tuyên', titles: ['UVTV', 'Chủ tịch HĐND Quận'], organization: '' } });
    const r = await core.call('rec.create', { meetingId: m.id, phase: 'during', shortPhrase: 'xử lý vấn đề ô nhiễm nguồn nước sông Pheo' });
    const hit = async (q: string) => (await core.call('search.query', { query: q })).map((h) => `${h.entity}:${h.snippet}`);
    expect((await hit('song pheo'))[0]).toMatch(/^recommendation:.*sông Pheo/);
    expect(await hit('hdnd')).toEqual([expect.stringMatching(/^attendee:.*HĐND/)]);
    expect(await hit('tuyen')).toEqual([expect.stringMatching(/Tuyên/)]);
    expect(await hit('SÔNG PHÈO')).toHaveLength(1);
    await core.call('rec.remove', { id: r.id });
    expect(await hit('song pheo')).toEqual([]);
    await core.call('meeting.remove', { id: m.id });
    expect(await hit('tuyen')).toEqual([]);
  });
});

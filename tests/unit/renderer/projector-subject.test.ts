// What the projector says about the item spoken (renderer/src/projector/subject.ts): the agenda
// line, the speaker's name with a title or unit, the kiến nghị raised or answered, and the order
// "next speaker" follows (the hall's items only, never the pre-meeting ones).
import { describe, expect, it } from 'vitest';
import type { Attendee, Recommendation, Reply, Speech } from '../../../electron/shared/domain';
import { describe as describeEntry, nextSubject, spoken } from '../../../renderer/src/projector/subject';
import type { Entry } from '../../../renderer/src/screens/live/model';

const att = (id: number, over: Partial<Attendee>): Attendee => ({ id, meetingId: 1, personId: id, fullName: '', titles: [], organization: '', role: 'delegate', presence: 'present', reason: '', sortOrder: id, ...over });
const rec = (id: number, seq: number, over: Partial<Recommendation> = {}): Entry => ({
  kind: 'rec',
  id,
  seq,
  item: { id, meetingId: 1, phase: 'during', raisedByAttendeeId: null, raisedByText: '', unit: '', topic: '', content: '', shortPhrase: '', inArticle: true, raisedAt: null, seq, ...over },
});
const reply = (id: number, seq: number, over: Partial<Reply> = {}): Entry => ({
  kind: 'reply',
  id,
  seq,
  item: { id, meetingId: 1, responderAttendeeId: null, responderText: '', content: '', repliedAt: null, kind: 'on_spot', agency: '', deadline: null, recommendationIds: [], seq, ...over },
});
const speech = (id: number, seq: number, over: Partial<Speech> = {}): Entry => ({
  kind: 'speech',
  id,
  seq,
  item: { id, meetingId: 1, kind: 'opening', speakerAttendeeId: null, speakerText: '', summary: '', directions: [], at: null, seq, ...over },
});

const attendees = [att(1, { fullName: 'Nguyễn Văn An', organization: 'Thôn Đông' }), att(2, { fullName: 'Trần Thị Bình', titles: ['Chủ tịch UBND xã', 'Bí thư Đảng ủy'], role: 'responder', organization: 'UBND xã' })];

describe('describe', () => {
  it('a delegate’s kiến nghị: name, the unit typed (else their organisation), the short phrase', () => {
    const e = rec(5, 1, { raisedByAttendeeId: 1, unit: 'Tổ dân phố số 5', shortPhrase: 'sửa đường liên thôn', content: 'Dài dòng. Rất dài.' });
    expect(describeEntry(e, attendees, [])).toMatchObject({ entity: 'recommendation', attendeeId: 1, name: 'Nguyễn Văn An', detail: 'Tổ dân phố số 5', agenda: 'Đại biểu phát biểu ý kiến, kiến nghị', request: 'sửa đường liên thôn' });
    expect(describeEntry(rec(5, 1, { raisedByAttendeeId: 1, content: 'Đề nghị lắp đèn. Mong sớm.' }), attendees, []).detail).toBe('Thôn Đông');
    expect(describeEntry(rec(5, 1, { raisedByAttendeeId: 1, content: 'Đề nghị lắp đèn. Mong sớm.' }), attendees, []).request).toBe('Đề nghị lắp đèn.');
  });
  it('a leader’s reply: the first title, and the kiến nghị it answers', () => {
    const r1 = rec(5, 1, { shortPhrase: 'sửa đường' }).item as Recommendation;
    const r2 = rec(6, 2, { topic: 'Đất đai' }).item as Recommendation;
    const d = describeEntry(reply(9, 3, { responderAttendeeId: 2, recommendationIds: [5, 6] }), attendees, [r1, r2]);
    expect(d).toMatchObject({ entity: 'reply', name: 'Trần Thị Bình', detail: 'Chủ tịch UBND xã', agenda: 'Trả lời ý kiến, kiến nghị', request: 'sửa đường; Đất đai' });
  });
  it('a speech off the roster: the name typed, its kind as the agenda; remarks time as a delegate', () => {
    const d = describeEntry(speech(3, 1, { kind: 'remarks', speakerText: 'Hội Nông dân xã' }), attendees, []);
    expect(d).toMatchObject({ entity: 'speech', speechKind: 'remarks', name: 'Hội Nông dân xã', agenda: 'Ý kiến phát biểu', request: null });
  });
});

describe('nextSubject', () => {
  const entries = [rec(1, 1, { phase: 'before' }), speech(2, 2), rec(3, 3), reply(4, 4, { kind: 'written_before' }), reply(5, 5)];
  it('steps through the hall’s items only', () => {
    expect(spoken(entries).map((e) => e.id)).toEqual([2, 3, 5]);
    expect(nextSubject(entries, { kind: 'speech', id: 2 }, null)).toEqual({ kind: 'rec', id: 3 });
    expect(nextSubject(entries, { kind: 'rec', id: 3 }, null)).toEqual({ kind: 'reply', id: 5 });
    expect(nextSubject(entries, { kind: 'reply', id: 5 }, null)).toBeNull();
  });
  it('with nothing on the projector: the selected item, else the first spoken one', () => {
    expect(nextSubject(entries, null, { kind: 'rec', id: 3 })).toEqual({ kind: 'rec', id: 3 });
    expect(nextSubject(entries, null, null)).toEqual({ kind: 'speech', id: 2 });
    // A pre-meeting item selected is not spoken: the first spoken one instead.
    expect(nextSubject(entries, null, { kind: 'rec', id: 1 })).toEqual({ kind: 'speech', id: 2 });
    expect(nextSubject([], null, null)).toBeNull();
  });
  it('a subject deleted meanwhile starts again from the selection', () => {
    expect(nextSubject(entries, { kind: 'rec', id: 99 }, { kind: 'reply', id: 5 })).toEqual({ kind: 'reply', id: 5 });
  });
});

import { describe, expect, it } from 'vitest';
import type { MeetingRecord, Recommendation } from '../../electron/shared/domain';
import { EMPTY_MEETING_DETAILS } from '../../electron/shared/domain';
import { closeChecklist, recLabels } from '../../renderer/src/screens/close/checklist';

const meeting: MeetingRecord['meeting'] = {
  id: 1, title: 'Hội nghị', kind: 'đối thoại', organizer: '', audience: '', locality: '', date: '2019-10-18', startTime: '14:00', endTime: '17:00',
  location: '', secretary: '', status: 'live', locked: false, revision: 0, docNumber: null, createdAt: '', updatedAt: '',
  ...EMPTY_MEETING_DETAILS, legalBasis: [], counts: { ...EMPTY_MEETING_DETAILS.counts }, attendance: { text: '', count: null },
};

const rec = (id: number, seq: number, over: Partial<Recommendation> = {}): Recommendation => ({
  id, meetingId: 1, phase: 'during', raisedByAttendeeId: null, raisedByText: 'Bà A', unit: '', topic: 'môi trường', content: 'Nội dung',
  shortPhrase: 'cụm', inArticle: true, raisedAt: null, seq, ...over,
});

function complete(): MeetingRecord {
  return {
    meeting,
    attendees: [{ id: 1, meetingId: 1, personId: 1, fullName: 'Trương Quang Thiều', titles: [], organization: '', role: 'chair', presence: 'present', reason: '', sortOrder: 1 }],
    groups: [],
    speeches: [
      { id: 1, meetingId: 1, kind: 'report', speakerAttendeeId: null, speakerText: '', summary: 'Báo cáo', directions: [], at: null, seq: 1 },
      { id: 2, meetingId: 1, kind: 'conclusion', speakerAttendeeId: 1, speakerText: '', summary: 'Kết luận', directions: ['Một'], at: null, seq: 9 },
    ],
    recommendations: [rec(10, 2, { phase: 'before' }), rec(11, 3)],
    replies: [{ id: 20, meetingId: 1, responderAttendeeId: null, responderText: 'UBND', content: 'Trả lời', repliedAt: null, kind: 'on_spot', agency: '', deadline: null, recommendationIds: [10, 11], seq: 4 }],
    photos: [],
  };
}

describe('closeChecklist', () => {
  it('is empty for a complete meeting', () => {
    expect(closeChecklist(complete())).toEqual([]);
  });

  it('lists a missing chair, end time, report and conclusion', () => {
    const r = complete();
    r.attendees = [];
    r.meeting = { ...meeting, endTime: null };
    r.speeches = [];
    expect(closeChecklist(r).map((i) => i.key)).toEqual(['chair', 'endTime', 'report', 'conclusion']);
  });

  it('lists recommendations without a phrase, a reply or a topic, with their numbers', () => {
    const r = complete();
    r.recommendations = [rec(10, 2, { phase: 'before', shortPhrase: ' ' }), rec(11, 3, { topic: '' }), rec(12, 5)];
    r.replies[0].recommendationIds = [10];
    const items = closeChecklist(r);
    expect(items.map((i) => i.key)).toEqual(['rec-10-phrase', 'rec-11-reply', 'rec-11-topic', 'rec-12-reply']);
    expect(items[0].message).toBe('Kiến nghị trước hội nghị số 1 chưa có cụm tóm tắt.');
    expect(items[1].message).toBe('Kiến nghị tại hội nghị số 1 chưa có ý kiến trả lời.');
    expect(items[1].target).toEqual({ tab: 'live', kind: 'rec', id: 11 });
    expect(items[2].severity).toBe('warn');
  });

  it('flags an empty report and a conclusion without directions', () => {
    const r = complete();
    r.speeches[0] = { ...r.speeches[0], summary: '' };
    r.speeches[1] = { ...r.speeches[1], directions: [] };
    expect(closeChecklist(r).map((i) => [i.key, i.severity])).toEqual([
      ['report', 'missing'],
      ['directions', 'warn'],
    ]);
  });

  it('numbers recommendations per phase in timeline order', () => {
    const labels = recLabels({ recommendations: [rec(3, 9), rec(1, 1, { phase: 'before' }), rec(2, 4)] });
    expect([...labels.entries()]).toEqual([
      [1, 'Kiến nghị trước hội nghị số 1'],
      [2, 'Kiến nghị tại hội nghị số 1'],
      [3, 'Kiến nghị tại hội nghị số 2'],
    ]);
  });
});

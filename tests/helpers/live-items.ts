// Plain recommendations and replies for the live screen's pure tests (model, timeline, fill):
// every field at its empty value, the ones a test is about given in `over`.
import type { Recommendation, Reply } from '../../electron/shared/domain';

export const makeRec = (id: number, seq: number, over: Partial<Recommendation> = {}): Recommendation => ({
  id,
  meetingId: 1,
  phase: 'during',
  raisedByAttendeeId: null,
  raisedByText: '',
  unit: '',
  topic: '',
  content: '',
  shortPhrase: '',
  inArticle: true,
  raisedAt: null,
  seq,
  ...over,
});

export const makeReply = (id: number, seq: number, over: Partial<Reply> = {}): Reply => ({
  id,
  meetingId: 1,
  responderAttendeeId: null,
  responderText: '',
  content: '',
  repliedAt: null,
  kind: 'on_spot',
  agency: '',
  deadline: null,
  recommendationIds: [],
  seq,
  ...over,
});

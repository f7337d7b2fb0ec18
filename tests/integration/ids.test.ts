// Ids come from the screen, the web API and the CLI: an id that does not exist, or that belongs to
// another meeting, must be refused with a message the secretary can act on, and store nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../electron/shared/contract';
import { tempCore, type TestCore } from '../helpers/core';
import { fingerprint } from '../helpers/fingerprint';

let core: TestCore;
let mine: number;
let other: number;
let myAttendee: number;
let otherAttendee: number;
let myRec: number;

beforeAll(async () => {
  core = tempCore();
  mine = (await core.call('meeting.create', { fields: { title: 'Hội nghị A' } })).id;
  other = (await core.call('meeting.create', { fields: { title: 'Hội nghị B' } })).id;
  myAttendee = (await core.call('attendee.add', { meetingId: mine, newPerson: { fullName: 'Nguyễn Văn A', titles: [], organization: 'UBND', rank: 1 }, role: 'delegate' })).id;
  otherAttendee = (await core.call('attendee.add', { meetingId: other, newPerson: { fullName: 'Trần Thị B', titles: [], organization: 'HĐND', rank: 2 }, role: 'delegate' })).id;
  myRec = (await core.call('rec.create', { meetingId: mine, phase: 'during' })).id;
});
afterAll(() => core.dispose());

const MISSING = 987_654;

async function refused(channel: Channel, input: unknown): Promise<{ code: string; message: string }> {
  const before = fingerprint(core.db);
  const r = await core.registry.dispatch(channel, input);
  expect(r.ok, `${channel} should be refused`).toBe(false);
  expect(fingerprint(core.db), `${channel} must store nothing`).toBe(before);
  return r.ok ? { code: '', message: '' } : r.error;
}

describe('an attendee of another meeting', () => {
  const cases: [string, () => [Channel, unknown]][] = [
    ['as the raiser of a new recommendation', () => ['rec.create', { meetingId: mine, phase: 'during', raisedByAttendeeId: otherAttendee }]],
    ['as the raiser, by update', () => ['rec.update', { id: myRec, patch: { raisedByAttendeeId: otherAttendee } }]],
    ['as the speaker of a new speech', () => ['speech.create', { meetingId: mine, kind: 'opening', speakerAttendeeId: otherAttendee }]],
    ['as the responder of a new reply', () => ['reply.create', { meetingId: mine, responderAttendeeId: otherAttendee }]],
  ];
  for (const [name, make] of cases) {
    it(`cannot be used ${name}`, async () => {
      const [channel, input] = make();
      const e = await refused(channel, input);
      expect(e.code).toBe('validation');
      expect(e.message).toMatch(/không thuộc hội nghị này/);
    });
  }

  it('cannot become the speaker or responder by update either', async () => {
    const s = await core.call('speech.create', { meetingId: mine, kind: 'report' });
    const r = await core.call('reply.create', { meetingId: mine });
    expect((await refused('speech.update', { id: s.id, patch: { speakerAttendeeId: otherAttendee } })).message).toMatch(/người phát biểu.*không thuộc hội nghị này/);
    expect((await refused('reply.update', { id: r.id, patch: { responderAttendeeId: otherAttendee } })).message).toMatch(/người trả lời.*không thuộc hội nghị này/);
  });

  it('while an attendee of the same meeting is accepted, and clearing it too', async () => {
    const rec = await core.call('rec.update', { id: myRec, patch: { raisedByAttendeeId: myAttendee } });
    expect(rec.raisedByAttendeeId).toBe(myAttendee);
    expect((await core.call('rec.update', { id: myRec, patch: { raisedByAttendeeId: null } })).raisedByAttendeeId).toBeNull();
    const s = await core.call('speech.create', { meetingId: mine, kind: 'conclusion', speakerAttendeeId: myAttendee });
    expect(s.speakerAttendeeId).toBe(myAttendee);
  });

  it('an attendee removed from the list still counts as the same meeting (old items keep their speaker)', async () => {
    const a = await core.call('attendee.add', { meetingId: mine, newPerson: { fullName: 'Lê Văn C', titles: [], organization: '', rank: 3 }, role: 'delegate' });
    const rec = await core.call('rec.create', { meetingId: mine, phase: 'before', raisedByAttendeeId: a.id });
    await core.call('attendee.remove', { id: a.id });
    // Typing into the recommendation again re-sends the whole patch, speaker included: it must save.
    const again = await core.call('rec.update', { id: rec.id, patch: { raisedByAttendeeId: a.id, content: 'Nội dung gõ tiếp' } });
    expect(again.content).toBe('Nội dung gõ tiếp');
  });
});

describe('an id that does not exist', () => {
  it('as an attendee gets a specific message, not "internal"', async () => {
    for (const [channel, input, who] of [
      ['rec.create', { meetingId: mine, phase: 'during', raisedByAttendeeId: MISSING }, 'người kiến nghị'],
      ['speech.create', { meetingId: mine, kind: 'opening', speakerAttendeeId: MISSING }, 'người phát biểu'],
      ['reply.create', { meetingId: mine, responderAttendeeId: MISSING }, 'người trả lời'],
      ['rec.update', { id: myRec, patch: { raisedByAttendeeId: MISSING } }, 'người kiến nghị'],
    ] as [Channel, unknown, string][]) {
      const e = await refused(channel, input);
      expect(e.code, channel).toBe('not_found');
      expect(e.message).toContain(who);
      expect(e.message).toMatch(/Không tìm thấy đại biểu/);
    }
  });

  // A Vietnamese message that says what was not found, never the generic "internal" error, and nothing stored.
  const sweep: [Channel, unknown][] = [
    ['meeting.get', { id: MISSING }],
    ['meeting.update', { id: MISSING, patch: { title: 'x' } }],
    ['meeting.setStatus', { id: MISSING, status: 'live' }],
    ['meeting.remove', { id: MISSING }],
    ['meeting.restore', { id: MISSING }],
    ['meeting.finalize', { id: MISSING }],
    ['meeting.unlock', { id: MISSING, reason: 'sửa' }],
    ['meeting.create', { copyFromId: MISSING }],
    ['people.update', { id: MISSING, patch: { fullName: 'x' } }],
    ['attendee.add', { meetingId: MISSING, newPerson: { fullName: 'X', titles: [], organization: '', rank: 1 }, role: 'delegate' }],
    // Meeting 1 ("Hội nghị A") exists; the person does not.
    ['attendee.add', { meetingId: 1, personId: MISSING, role: 'delegate' }],
    ['attendee.update', { id: MISSING, patch: { reason: 'x' } }],
    ['attendee.remove', { id: MISSING }],
    ['attendee.restore', { id: MISSING }],
    ['attendee.reorder', { meetingId: MISSING, ids: [] }],
    ['attendee.sortByRank', { meetingId: MISSING }],
    ['group.add', { meetingId: MISSING, text: 'Đại diện', role: 'guest' }],
    ['group.update', { id: MISSING, patch: { text: 'x' } }],
    ['group.remove', { id: MISSING }],
    ['group.restore', { id: MISSING }],
    ['speech.create', { meetingId: MISSING, kind: 'opening' }],
    ['speech.update', { id: MISSING, patch: { summary: 'x' } }],
    ['speech.remove', { id: MISSING }],
    ['speech.restore', { id: MISSING }],
    ['rec.create', { meetingId: MISSING, phase: 'during' }],
    ['rec.update', { id: MISSING, patch: { content: 'x' } }],
    ['rec.remove', { id: MISSING }],
    ['rec.restore', { id: MISSING }],
    ['reply.create', { meetingId: MISSING }],
    ['reply.update', { id: MISSING, patch: { content: 'x' } }],
    ['reply.remove', { id: MISSING }],
    ['reply.restore', { id: MISSING }],
    ['photo.update', { id: MISSING, patch: { caption: 'x' } }],
    ['photo.remove', { id: MISSING }],
    ['photo.restore', { id: MISSING }],
    ['photo.thumb', { id: MISSING }],
    ['meetingFile.export', { id: MISSING }],
    ['doc.generate', { meetingId: MISSING, kind: 'article' }],
    ['doc.save', { meetingId: MISSING, kind: 'article', blocks: [] }],
    ['doc.export', { meetingId: MISSING, kind: 'article', format: 'text' }],
  ];
  describe('Every channel that takes an id, given one that does not exist', () => {
    for (const [channel, input] of sweep) {
      it(`${channel} ${JSON.stringify(input).slice(0, 60)}`, async () => {
        const e = await refused(channel, input);
        expect(e.code).not.toBe('internal');
        expect(e.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựọỏõóòịỉĩíìụủũúùỵỷỹýỳ]/i);
      });
    }
  });

  it('a reply linked to a recommendation that does not exist, or of another meeting', async () => {
    const otherRec = await core.call('rec.create', { meetingId: other, phase: 'during' });
    expect((await refused('reply.create', { meetingId: mine, recommendationIds: [MISSING] })).code).not.toBe('internal');
    expect((await refused('reply.create', { meetingId: mine, recommendationIds: [otherRec.id] })).message).toMatch(/không thuộc hội nghị này/);
  });
});

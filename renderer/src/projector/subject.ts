// What the projector says about the item being spoken: the agenda line, the speaker (name, and
// title or unit) and the kiến nghị being raised or answered; and who the timer's limit is for.
// Pure, so the unit tests and the panel share it. Phone numbers and addresses are filtered later,
// in projectorSnapshot, whatever is picked here.
import type { Attendee, Recommendation } from '../../../electron/shared/domain';
import { shortLine, type SpeakerRef, type SpeakingEntity } from '../../../electron/shared/timer';
import type { Entry, Sel } from '../screens/live/model';

export type Subject = SpeakerRef & { name: string; detail: string; agenda: string; request: string | null };

const SPEECH_AGENDA = {
  opening: 'Khai mạc hội nghị',
  report: 'Báo cáo tại hội nghị',
  direction: 'Phát biểu chỉ đạo',
  remarks: 'Ý kiến phát biểu',
  conclusion: 'Kết luận hội nghị',
} as const;

export const ENTITY_OF: Record<Entry['kind'], SpeakingEntity> = { rec: 'recommendation', reply: 'reply', speech: 'speech' };

function person(attendees: readonly Attendee[], id: number | null, text: string): { name: string; detail: string } {
  const a = id === null ? undefined : attendees.find((x) => x.id === id);
  if (!a) return { name: text.trim(), detail: '' };
  // A leader is known by the first title ("Chủ tịch UBND xã"); a delegate by where they come from.
  const title = a.titles.find((t) => t.trim())?.trim() ?? '';
  return { name: a.fullName.trim() || title, detail: a.role === 'delegate' ? a.organization.trim() || title : title || a.organization.trim() };
}

/** The kiến nghị as a short line: the phrase the secretary gave it, else its topic, else its first sentence. */
export function requestLine(r: Recommendation): string {
  return shortLine(r.shortPhrase.trim() || r.topic.trim() || r.content.trim(), 160);
}

export function describe(e: Entry, attendees: readonly Attendee[], recs: readonly Recommendation[]): Subject {
  if (e.kind === 'rec') {
    const p = person(attendees, e.item.raisedByAttendeeId, e.item.raisedByText);
    return {
      entity: 'recommendation',
      attendeeId: e.item.raisedByAttendeeId,
      speakerText: e.item.raisedByText,
      name: p.name,
      detail: e.item.unit.trim() || p.detail,
      agenda: e.item.phase === 'before' ? 'Kiến nghị gửi trước hội nghị' : 'Đại biểu phát biểu ý kiến, kiến nghị',
      request: requestLine(e.item) || null,
    };
  }
  if (e.kind === 'reply') {
    const p = person(attendees, e.item.responderAttendeeId, e.item.responderText);
    const answered = e.item.recommendationIds
      .map((id) => recs.find((r) => r.id === id))
      .filter((r): r is Recommendation => !!r)
      .map(requestLine)
      .filter(Boolean);
    return {
      entity: 'reply',
      attendeeId: e.item.responderAttendeeId,
      speakerText: e.item.responderText,
      name: p.name,
      detail: p.detail,
      agenda: 'Trả lời ý kiến, kiến nghị',
      request: answered.length ? shortLine(answered.join('; '), 200) : null,
    };
  }
  const p = person(attendees, e.item.speakerAttendeeId, e.item.speakerText);
  return {
    entity: 'speech',
    attendeeId: e.item.speakerAttendeeId,
    speakerText: e.item.speakerText,
    speechKind: e.item.kind,
    name: p.name,
    detail: p.detail,
    agenda: SPEECH_AGENDA[e.item.kind],
    request: null,
  };
}

/** Items spoken in the hall, in timeline order: what "next speaker" steps through. */
export function spoken(entries: readonly Entry[]): Entry[] {
  return entries.filter((e) => !(e.kind === 'rec' ? e.item.phase === 'before' : e.kind === 'reply' ? e.item.kind === 'written_before' : false));
}

/**
 * The next speaker after `subject`: the item after it in the hall's order. With nothing on the
 * projector yet, the item selected on the live screen, else the first spoken one. Null at the end.
 */
export function nextSubject(entries: readonly Entry[], subject: Sel | null, selected: Sel | null): Sel | null {
  const list = spoken(entries);
  const same = (a: Sel | null, e: Entry) => !!a && a.kind === e.kind && a.id === e.id;
  if (!subject || !list.some((e) => same(subject, e))) {
    const pick = (selected && list.find((e) => same(selected, e))) ?? list[0];
    return pick ? { kind: pick.kind, id: pick.id } : null;
  }
  const i = list.findIndex((e) => same(subject, e));
  const next = list[i + 1];
  return next ? { kind: next.kind, id: next.id } : null;
}

// Speaking times in the documents (issue 16): the summary table shows them whenever they were
// timed; the minutes only when the meeting's rule says so (off by default), as one short sentence
// after the kiến nghị or reply. A record without timing prints exactly as before.
import type { MeetingRecord } from '../../shared/domain';
import { spokenLabel, type SpeakingEntity } from '../../shared/timer';

function secondsOf(record: MeetingRecord, entity: SpeakingEntity, id: number): number | null {
  return record.timing?.times.find((t) => t.entity === entity && t.entityId === id)?.seconds ?? null;
}

/** "Phát biểu 2 phút 10 giây" for a cell of the summary table, or '' when not timed. */
export function summaryTime(record: MeetingRecord, entity: SpeakingEntity, id: number): string {
  const s = secondsOf(record, entity, id);
  return s ? `${entity === 'reply' ? 'Trả lời' : 'Phát biểu'} ${spokenLabel(s)}` : '';
}

/** Appends " Thời gian phát biểu: 2 phút 10 giây." to a paragraph of the minutes, when asked for. */
export function withMinutesTime(record: MeetingRecord, text: string, entity: SpeakingEntity, id: number): string {
  if (!text || !record.timing?.rule.inMinutes) return text;
  const s = secondsOf(record, entity, id);
  return s ? `${text} Thời gian phát biểu: ${spokenLabel(s)}.` : text;
}

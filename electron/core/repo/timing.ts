// Speaking timers: the meeting's rule, the limits of single speakers and the times actually spoken
// (migration 006). The countdown itself runs in the secretary's page (electron/shared/timer.ts);
// the page writes here when a timer pauses, is reset or moves to the next speaker.
import type { Database } from 'better-sqlite3';
import { UserError } from '../../shared/result';
import {
  DEFAULT_TIMER_RULE,
  speakerTextKey,
  type MeetingTiming,
  type SpeakerOverride,
  type SpeakingEntity,
  type SpeakingTime,
  type TimerRule,
} from '../../shared/timer';
import { audit } from './audit';
import { bool, int } from './json';
import { assertEditable, touchMeeting } from './meetings';

const TABLE: Record<SpeakingEntity, string> = { speech: 'speeches', recommendation: 'recommendations', reply: 'replies' };
const LABEL: Record<SpeakingEntity, string> = { speech: 'phát biểu', recommendation: 'kiến nghị', reply: 'ý kiến trả lời' };

type RuleRow = { delegate_seconds: number; leader_seconds: number; beep: number; in_minutes: number };

export function getRule(db: Database, meetingId: number): TimerRule {
  const r = db.prepare('SELECT delegate_seconds, leader_seconds, beep, in_minutes FROM timer_rules WHERE meeting_id = ?').get(meetingId) as RuleRow | undefined;
  if (!r) return { ...DEFAULT_TIMER_RULE };
  return { delegateSeconds: r.delegate_seconds, leaderSeconds: r.leader_seconds, beep: bool(r.beep), inMinutes: bool(r.in_minutes) };
}

export function listOverrides(db: Database, meetingId: number): SpeakerOverride[] {
  const rows = db.prepare('SELECT attendee_id, speaker_text, seconds FROM speaker_limits WHERE meeting_id = ? ORDER BY id').all(meetingId) as {
    attendee_id: number | null;
    speaker_text: string;
    seconds: number;
  }[];
  return rows.map((r) => ({ attendeeId: r.attendee_id, speakerText: r.speaker_text, seconds: r.seconds }));
}

/** Times of the items still on the record (a deleted kiến nghị's time is not counted, nor lost). */
export function listTimes(db: Database, meetingId: number): SpeakingTime[] {
  const rows = db
    .prepare(
      `SELECT t.entity, t.entity_id, t.seconds, t.limit_seconds FROM speaking_times t
       LEFT JOIN speeches s ON t.entity = 'speech' AND s.id = t.entity_id
       LEFT JOIN recommendations r ON t.entity = 'recommendation' AND r.id = t.entity_id
       LEFT JOIN replies p ON t.entity = 'reply' AND p.id = t.entity_id
       WHERE t.meeting_id = ? AND coalesce(s.deleted_at, r.deleted_at, p.deleted_at) IS NULL
         AND coalesce(s.id, r.id, p.id) IS NOT NULL
       ORDER BY coalesce(s.seq, r.seq, p.seq), t.entity, t.entity_id`,
    )
    .all(meetingId) as { entity: SpeakingEntity; entity_id: number; seconds: number; limit_seconds: number | null }[];
  return rows.map((r) => ({ entity: r.entity, entityId: r.entity_id, seconds: r.seconds, limitSeconds: r.limit_seconds }));
}

export function getTiming(db: Database, meetingId: number): MeetingTiming {
  return { rule: getRule(db, meetingId), overrides: listOverrides(db, meetingId), times: listTimes(db, meetingId) };
}

/** Whether the meeting has anything timed or set: an untouched meeting's record carries no timing part. */
export function hasTiming(t: MeetingTiming): boolean {
  const d = DEFAULT_TIMER_RULE;
  const r = t.rule;
  return t.times.length > 0 || t.overrides.length > 0 || r.delegateSeconds !== d.delegateSeconds || r.leaderSeconds !== d.leaderSeconds || r.beep !== d.beep || r.inMinutes !== d.inMinutes;
}

export function saveRule(db: Database, at: string, meetingId: number, patch: Partial<TimerRule>): TimerRule {
  assertEditable(db, meetingId);
  const rule = { ...getRule(db, meetingId), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as TimerRule;
  db.prepare(
    `INSERT INTO timer_rules (meeting_id, delegate_seconds, leader_seconds, beep, in_minutes, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (meeting_id) DO UPDATE SET delegate_seconds = excluded.delegate_seconds, leader_seconds = excluded.leader_seconds,
       beep = excluded.beep, in_minutes = excluded.in_minutes, updated_at = excluded.updated_at`,
  ).run(meetingId, rule.delegateSeconds, rule.leaderSeconds, int(rule.beep), int(rule.inMinutes), at);
  touchMeeting(db, meetingId, at);
  audit(db, at, meetingId, 'timer_rule', meetingId, 'update', Object.keys(patch).join(', '));
  return rule;
}

function overrideKey(attendeeId: number | null, speakerText: string): string {
  return attendeeId !== null ? `a:${attendeeId}` : `t:${speakerTextKey(speakerText)}`;
}

/** Sets (seconds) or removes (null) one speaker's own limit; returns the meeting's limits. */
export function setSpeakerLimit(
  db: Database,
  at: string,
  meetingId: number,
  who: { attendeeId: number | null; speakerText: string },
  seconds: number | null,
): SpeakerOverride[] {
  assertEditable(db, meetingId);
  if (who.attendeeId !== null) {
    const a = db.prepare('SELECT meeting_id FROM attendees WHERE id = ?').get(who.attendeeId) as { meeting_id: number } | undefined;
    if (!a || a.meeting_id !== meetingId)
      throw new UserError('validation', 'Người phát biểu được chọn không thuộc hội nghị này. Hãy chọn lại từ danh sách đại biểu.');
  } else if (!speakerTextKey(who.speakerText)) {
    throw new UserError('validation', 'Hãy ghi tên người phát biểu trước khi đặt thời gian riêng cho người đó.');
  }
  const key = overrideKey(who.attendeeId, who.speakerText);
  if (seconds === null) db.prepare('DELETE FROM speaker_limits WHERE meeting_id = ? AND speaker_key = ?').run(meetingId, key);
  else
    db.prepare(
      `INSERT INTO speaker_limits (meeting_id, attendee_id, speaker_text, speaker_key, seconds, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (meeting_id, speaker_key) DO UPDATE SET seconds = excluded.seconds, speaker_text = excluded.speaker_text, updated_at = excluded.updated_at`,
    ).run(meetingId, who.attendeeId, who.attendeeId !== null ? '' : who.speakerText.normalize('NFC').trim(), key, seconds, at);
  touchMeeting(db, meetingId, at);
  audit(db, at, meetingId, 'speaker_limit', who.attendeeId, seconds === null ? 'remove' : 'update', `${seconds ?? ''}`);
  return listOverrides(db, meetingId);
}

/**
 * Stores the time spoken for one item (its total, not an increment: a resend after a lost answer
 * writes the same value again). Zero seconds removes the time (a timer reset before anyone spoke).
 */
export function recordTime(db: Database, at: string, t: SpeakingTime): SpeakingTime | null {
  const item = db.prepare(`SELECT meeting_id FROM ${TABLE[t.entity]} WHERE id = ? AND deleted_at IS NULL`).get(t.entityId) as { meeting_id: number } | undefined;
  if (!item) throw new UserError('not_found', `Không tìm thấy ${LABEL[t.entity]} để ghi thời gian phát biểu (có thể đã bị xóa).`);
  assertEditable(db, item.meeting_id);
  if (t.seconds === 0) db.prepare('DELETE FROM speaking_times WHERE entity = ? AND entity_id = ?').run(t.entity, t.entityId);
  else
    db.prepare(
      `INSERT INTO speaking_times (meeting_id, entity, entity_id, seconds, limit_seconds, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (entity, entity_id) DO UPDATE SET seconds = excluded.seconds, limit_seconds = excluded.limit_seconds, updated_at = excluded.updated_at`,
    ).run(item.meeting_id, t.entity, t.entityId, t.seconds, t.limitSeconds, at);
  touchMeeting(db, item.meeting_id, at);
  audit(db, at, item.meeting_id, 'speaking_time', t.entityId, 'update', `${t.entity} ${t.seconds}s`);
  return t.seconds === 0 ? null : t;
}

/** Writes a meeting file's timing part for a newly imported meeting (ids already mapped). */
export function writeImportedTiming(db: Database, at: string, meetingId: number, timing: MeetingTiming): void {
  const r = timing.rule;
  db.prepare('INSERT INTO timer_rules (meeting_id, delegate_seconds, leader_seconds, beep, in_minutes, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    meetingId,
    r.delegateSeconds,
    r.leaderSeconds,
    int(r.beep),
    int(r.inMinutes),
    at,
  );
  for (const o of timing.overrides)
    db.prepare(
      'INSERT OR REPLACE INTO speaker_limits (meeting_id, attendee_id, speaker_text, speaker_key, seconds, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(meetingId, o.attendeeId, o.attendeeId !== null ? '' : o.speakerText, overrideKey(o.attendeeId, o.speakerText), o.seconds, at);
  for (const t of timing.times)
    db.prepare('INSERT OR REPLACE INTO speaking_times (meeting_id, entity, entity_id, seconds, limit_seconds, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      meetingId,
      t.entity,
      t.entityId,
      t.seconds,
      t.limitSeconds,
      at,
    );
}

// Input schemas of the timer and projector channels (contract.ts) and of the meeting file's
// timing part, with Vietnamese messages. Kept apart from contract.ts so it stays a list.
import { z } from 'zod';
import { id, text } from './schemas';
import { LIMIT_SECONDS, SPEAKING_ENTITIES } from './timer';

const minutes = (s: number) => s / 60;

/** A limit in whole seconds, 10 s to 2 hours. */
export const limitSeconds = (label: string) =>
  z
    .number({ error: `${label}: cần là một số.` })
    .int({ error: `${label}: cần là số giây nguyên.` })
    .min(LIMIT_SECONDS.min, { error: `${label}: ít nhất ${LIMIT_SECONDS.min} giây.` })
    .max(LIMIT_SECONDS.max, { error: `${label}: nhiều nhất ${minutes(LIMIT_SECONDS.max)} phút.` });

export const TimerRuleSchema = z.object({
  delegateSeconds: limitSeconds('Thời gian đại biểu phát biểu'),
  leaderSeconds: limitSeconds('Thời gian lãnh đạo trả lời'),
  beep: z.boolean(),
  inMinutes: z.boolean(),
});

export const SaveRuleInput = z.object({ meetingId: id('Hội nghị'), rule: TimerRuleSchema.partial() });

export const SpeakerLimitInput = z.object({
  meetingId: id('Hội nghị'),
  attendeeId: id('Người phát biểu').nullable(),
  speakerText: text('Người phát biểu'),
  /** null removes the speaker's own limit (the rule applies again). */
  seconds: limitSeconds('Thời gian riêng của người phát biểu').nullable(),
});

export const SpokenSeconds = z
  .number({ error: 'Thời gian phát biểu: cần là một số.' })
  .int({ error: 'Thời gian phát biểu: cần là số giây nguyên.' })
  .min(0, { error: 'Thời gian phát biểu không được âm.' })
  .max(86_400, { error: 'Thời gian phát biểu quá dài (tối đa 24 giờ).' });

export const RecordTimeInput = z.object({
  entity: z.enum(SPEAKING_ENTITIES),
  entityId: id('Mục được bấm giờ'),
  seconds: SpokenSeconds,
  limitSeconds: limitSeconds('Thời gian quy định').nullable(),
});

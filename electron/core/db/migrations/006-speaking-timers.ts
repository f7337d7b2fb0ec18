import type { Migration } from '../migrate';

// Speaking timers (issue 16, part 2): the meeting's rule (a delegate 3 minutes, a leader's reply 5
// minutes, a beep, whether the minutes print the times), a limit per speaker, and the time actually
// spoken for each kiến nghị, reply and speech. Tables of their own, so the items' tables and their
// search triggers stay as they are; a meeting without a rule row uses the defaults.
//
// A speaker's own limit names an attendee of the meeting, or (off the roster) the name typed, kept
// folded in speaker_key so "Phòng TN&MT" typed twice is one speaker. A time names its item by
// entity and id: the three tables are soft-deleted, so the row outlives nothing it points at, and
// it goes with the meeting.
export const m006SpeakingTimers: Migration = {
  version: 6,
  name: 'speaking timers: rule, per-speaker limits, spoken times',
  up(db) {
    db.exec(`
      CREATE TABLE timer_rules (
        meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        delegate_seconds INTEGER NOT NULL DEFAULT 180 CHECK (delegate_seconds BETWEEN 10 AND 7200),
        leader_seconds INTEGER NOT NULL DEFAULT 300 CHECK (leader_seconds BETWEEN 10 AND 7200),
        beep INTEGER NOT NULL DEFAULT 0 CHECK (beep IN (0, 1)),
        in_minutes INTEGER NOT NULL DEFAULT 0 CHECK (in_minutes IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE speaker_limits (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        attendee_id INTEGER REFERENCES attendees(id) ON DELETE CASCADE,
        speaker_text TEXT NOT NULL DEFAULT '',
        speaker_key TEXT NOT NULL,
        seconds INTEGER NOT NULL CHECK (seconds BETWEEN 10 AND 7200),
        updated_at TEXT NOT NULL,
        UNIQUE (meeting_id, speaker_key)
      ) STRICT;

      CREATE TABLE speaking_times (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        entity TEXT NOT NULL CHECK (entity IN ('speech', 'recommendation', 'reply')),
        entity_id INTEGER NOT NULL,
        seconds INTEGER NOT NULL CHECK (seconds BETWEEN 0 AND 86400),
        limit_seconds INTEGER CHECK (limit_seconds IS NULL OR limit_seconds BETWEEN 10 AND 7200),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id)
      ) STRICT;
      CREATE INDEX speaking_times_meeting ON speaking_times(meeting_id);
    `);
  },
};

import type { Migration } from '../migrate';

// What real meetings have (meeting record v2): a news headline apart from the official name, the
// session when no start time is known, legal basis and purpose, who compiled the recommendations,
// the hall's attendance apart from the roster, the counts the article prints, a per-meeting byline
// and publication line; speeches of every kind; replies forwarded to another body; the office's
// level (two tiers since 1/7/2025).
//
// Widening a CHECK constraint means rebuilding the table (SQLite cannot alter a constraint). The
// runner turns foreign keys off for the migration and checks them before commit (SQLite's own
// twelve-step procedure), so dropping the old `replies` does not cascade into `reply_links`.
export const m004MeetingRecordV2: Migration = {
  version: 4,
  name: 'meeting record v2: details, speech kinds, forwarded replies, unit level',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      ALTER TABLE meetings ADD COLUMN headline TEXT NOT NULL DEFAULT '';
      ALTER TABLE meetings ADD COLUMN session TEXT CHECK (session IS NULL OR session IN ('sáng', 'chiều', 'tối'));
      ALTER TABLE meetings ADD COLUMN legal_basis_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE meetings ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
      ALTER TABLE meetings ADD COLUMN compiled_by TEXT NOT NULL DEFAULT '';
      ALTER TABLE meetings ADD COLUMN attendance_text TEXT NOT NULL DEFAULT '';
      ALTER TABLE meetings ADD COLUMN attendance_count INTEGER CHECK (attendance_count IS NULL OR attendance_count >= 0);
      ALTER TABLE meetings ADD COLUMN counts_json TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE meetings ADD COLUMN byline TEXT NOT NULL DEFAULT '';
      ALTER TABLE meetings ADD COLUMN published_at TEXT NOT NULL DEFAULT '';

      ALTER TABLE org_profile ADD COLUMN level TEXT NOT NULL DEFAULT 'commune' CHECK (level IN ('province', 'commune', 'district'));

      CREATE TABLE speeches_new (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('opening', 'report', 'direction', 'remarks', 'conclusion')),
        speaker_attendee_id INTEGER REFERENCES attendees(id) ON DELETE SET NULL,
        speaker_text TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        directions_json TEXT NOT NULL DEFAULT '[]',
        at TEXT,
        seq INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      INSERT INTO speeches_new SELECT id, meeting_id, kind, speaker_attendee_id, speaker_text, summary, directions_json, at, seq, updated_at, deleted_at FROM speeches;
      DROP TABLE speeches;
      ALTER TABLE speeches_new RENAME TO speeches;
      CREATE INDEX speeches_meeting ON speeches(meeting_id, seq);

      CREATE TABLE replies_new (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        responder_attendee_id INTEGER REFERENCES attendees(id) ON DELETE SET NULL,
        responder_text TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL DEFAULT '',
        replied_at TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('written_before', 'on_spot', 'written_later', 'forwarded')),
        agency TEXT NOT NULL DEFAULT '',
        deadline TEXT,
        seq INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      INSERT INTO replies_new SELECT id, meeting_id, responder_attendee_id, responder_text, content, replied_at, kind, agency, deadline, seq, updated_at, deleted_at FROM replies;
      DROP TABLE replies;
      ALTER TABLE replies_new RENAME TO replies;
      CREATE INDEX replies_meeting ON replies(meeting_id, seq);
    `);
  },
};

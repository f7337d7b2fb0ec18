import type { Migration } from '../migrate';

// The hall's sound (issue 16, part 3). The compressed recording itself lives in files under the
// data folder (audio/<meeting>/part-N.webm), appended and synced chunk by chunk; these tables
// hold what the files cannot: where each part starts on the clock, how many bytes and chunks were
// acknowledged (so a retried chunk is never written twice), the stretches of speech found, and
// when each entry was created, so its moment in the recording can be found.
//
// audio_marks is filled by triggers, inside the same transaction as the insert of the entry:
// every kiến nghị, reply, speech and photo is stamped without the item code knowing about audio.
// The offset is worked out when read (at − the start of the part that covers it), so an entry
// typed while nothing records simply has no moment. A later migration that rebuilds one of these
// four tables must recreate its trigger.
export const m007HallAudio: Migration = {
  version: 7,
  name: 'hall audio: parts, speech stretches, entry moments',
  up(db) {
    db.exec(`
      CREATE TABLE audio_parts (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        part INTEGER NOT NULL CHECK (part >= 1),
        mime TEXT NOT NULL,
        started_at TEXT NOT NULL,
        duration_ms INTEGER NOT NULL DEFAULT 0 CHECK (duration_ms >= 0),
        bytes INTEGER NOT NULL DEFAULT 0 CHECK (bytes >= 0),
        next_seq INTEGER NOT NULL DEFAULT 0 CHECK (next_seq >= 0),
        pcm_samples INTEGER NOT NULL DEFAULT 0 CHECK (pcm_samples >= 0),
        vad_done_ms INTEGER NOT NULL DEFAULT 0 CHECK (vad_done_ms >= 0),
        stopped_at TEXT,
        trashed_at TEXT,
        PRIMARY KEY (meeting_id, part)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE audio_speech (
        meeting_id INTEGER NOT NULL,
        part INTEGER NOT NULL,
        start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
        end_ms INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, part, start_ms),
        FOREIGN KEY (meeting_id, part) REFERENCES audio_parts(meeting_id, part) ON DELETE CASCADE,
        CHECK (end_ms > start_ms)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE audio_marks (
        kind TEXT NOT NULL CHECK (kind IN ('rec', 'reply', 'speech', 'photo')),
        item_id INTEGER NOT NULL,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        PRIMARY KEY (kind, item_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX audio_marks_meeting ON audio_marks(meeting_id);

      CREATE TRIGGER audio_mark_rec AFTER INSERT ON recommendations BEGIN
        INSERT OR REPLACE INTO audio_marks (kind, item_id, meeting_id, at) VALUES ('rec', NEW.id, NEW.meeting_id, NEW.updated_at);
      END;
      CREATE TRIGGER audio_mark_reply AFTER INSERT ON replies BEGIN
        INSERT OR REPLACE INTO audio_marks (kind, item_id, meeting_id, at) VALUES ('reply', NEW.id, NEW.meeting_id, NEW.updated_at);
      END;
      CREATE TRIGGER audio_mark_speech AFTER INSERT ON speeches BEGIN
        INSERT OR REPLACE INTO audio_marks (kind, item_id, meeting_id, at) VALUES ('speech', NEW.id, NEW.meeting_id, NEW.updated_at);
      END;
      CREATE TRIGGER audio_mark_photo AFTER INSERT ON photos BEGIN
        INSERT OR REPLACE INTO audio_marks (kind, item_id, meeting_id, at) VALUES ('photo', NEW.id, NEW.meeting_id, NEW.created_at);
      END;
    `);
  },
};

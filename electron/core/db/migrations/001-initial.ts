import type { Migration } from '../migrate';

// The whole domain in STRICT tables. Deletions of live-typed items are soft (deleted_at) so that
// "Hoàn tác" can bring them back and nothing typed is ever destroyed by one keypress.
export const m001Initial: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE org_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        issuing_body TEXT NOT NULL,
        parent_body TEXT NOT NULL DEFAULT '',
        is_party INTEGER NOT NULL DEFAULT 0 CHECK (is_party IN (0, 1)),
        doc_code TEXT NOT NULL,
        place_name TEXT NOT NULL,
        byline TEXT NOT NULL DEFAULT '',
        secretary_name TEXT NOT NULL DEFAULT '',
        style_json TEXT NOT NULL DEFAULT '{}'
      ) STRICT;

      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        full_name TEXT NOT NULL,
        titles_json TEXT NOT NULL DEFAULT '[]',
        organization TEXT NOT NULL DEFAULT '',
        rank INTEGER NOT NULL DEFAULT 1000,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'đối thoại',
        organizer TEXT NOT NULL DEFAULT '',
        audience TEXT NOT NULL DEFAULT '',
        locality TEXT NOT NULL DEFAULT '',
        date TEXT,
        start_time TEXT,
        end_time TEXT,
        location TEXT NOT NULL DEFAULT '',
        secretary TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'live', 'closed')),
        locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
        revision INTEGER NOT NULL DEFAULT 0,
        doc_number INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;

      CREATE TABLE attendees (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id),
        titles_json TEXT NOT NULL DEFAULT '[]',
        role TEXT NOT NULL CHECK (role IN ('guest', 'host', 'chair', 'reporter', 'delegate', 'responder')),
        presence TEXT NOT NULL DEFAULT 'present' CHECK (presence IN ('present', 'absent', 'late')),
        reason TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX attendees_meeting ON attendees(meeting_id, sort_order);

      CREATE TABLE attendee_groups (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('guest', 'host', 'participant')),
        sort_order INTEGER NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX attendee_groups_meeting ON attendee_groups(meeting_id, sort_order);

      CREATE TABLE speeches (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('opening', 'report', 'conclusion')),
        speaker_attendee_id INTEGER REFERENCES attendees(id) ON DELETE SET NULL,
        speaker_text TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        directions_json TEXT NOT NULL DEFAULT '[]',
        at TEXT,
        seq INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX speeches_meeting ON speeches(meeting_id, seq);

      CREATE TABLE recommendations (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        phase TEXT NOT NULL CHECK (phase IN ('before', 'during')),
        raised_by_attendee_id INTEGER REFERENCES attendees(id) ON DELETE SET NULL,
        raised_by_text TEXT NOT NULL DEFAULT '',
        unit TEXT NOT NULL DEFAULT '',
        topic TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL DEFAULT '',
        short_phrase TEXT NOT NULL DEFAULT '',
        in_article INTEGER NOT NULL DEFAULT 1 CHECK (in_article IN (0, 1)),
        raised_at TEXT,
        seq INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX recommendations_meeting ON recommendations(meeting_id, seq);

      CREATE TABLE replies (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        responder_attendee_id INTEGER REFERENCES attendees(id) ON DELETE SET NULL,
        responder_text TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL DEFAULT '',
        replied_at TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('written_before', 'on_spot', 'written_later')),
        agency TEXT NOT NULL DEFAULT '',
        deadline TEXT,
        seq INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX replies_meeting ON replies(meeting_id, seq);

      CREATE TABLE reply_links (
        reply_id INTEGER NOT NULL REFERENCES replies(id) ON DELETE CASCADE,
        recommendation_id INTEGER NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
        PRIMARY KEY (reply_id, recommendation_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX reply_links_rec ON reply_links(recommendation_id);

      CREATE TABLE photos (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        caption TEXT NOT NULL DEFAULT '',
        event TEXT NOT NULL DEFAULT 'other',
        mime TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        in_article INTEGER NOT NULL DEFAULT 1 CHECK (in_article IN (0, 1)),
        data BLOB NOT NULL,
        thumb BLOB NOT NULL,
        sort_order INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX photos_meeting ON photos(meeting_id, sort_order);

      CREATE TABLE documents (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('article', 'minutes', 'summary')),
        blocks_json TEXT NOT NULL,
        options_json TEXT NOT NULL DEFAULT '{}',
        source_hash TEXT NOT NULL,
        edited INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
        generated_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (meeting_id, kind)
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        meeting_id INTEGER,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX audit_log_meeting ON audit_log(meeting_id, id);
    `);
  },
};

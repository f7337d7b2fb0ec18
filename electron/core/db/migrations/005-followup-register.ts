import type { Migration } from '../migrate';
import { DEFAULT_STATUSES } from '../../../shared/followup';

/** A random UUID (v4) in SQL, so every insert path (create, copy, record import, meeting file) gets one. */
export const SQL_UUID = `lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))`;

// The follow-up register (issue 14). Meetings and recommendations get a stable uid, the key that
// merges two laptops' histories. An item's history is append-only: the triggers refuse UPDATE
// always, and DELETE while the item's meeting still exists (purging a meeting from the trash
// cascades into its events, which is the one way they go).
//
// `followup_state` is a cache: the fold of each item's events over the base state its meeting
// record gives. Any write to a recommendation, a reply or a reply link, and a meeting's date or
// deletion, marks the meeting in `followup_dirty` (cheap triggers in SQL, so every code path that
// edits a record is covered), and the register rebuilds those meetings' rows before it reads. Its
// search text is in `followup_search` (FTS5 over the folded text, rowid = the state row's).
//
// The documents table is rebuilt to allow the kind 'notice' (the chair's thông báo kết luận).
export const m005FollowupRegister: Migration = {
  version: 5,
  name: 'follow-up register: uids, statuses, agencies, items, append-only events, state, answer files',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      ALTER TABLE meetings ADD COLUMN uid TEXT;
      ALTER TABLE recommendations ADD COLUMN uid TEXT;
      UPDATE meetings SET uid = ${SQL_UUID};
      UPDATE recommendations SET uid = ${SQL_UUID};
      CREATE UNIQUE INDEX meetings_uid ON meetings(uid);
      CREATE UNIQUE INDEX recommendations_uid ON recommendations(uid);
      CREATE TRIGGER meetings_uid_on_insert AFTER INSERT ON meetings WHEN NEW.uid IS NULL
      BEGIN UPDATE meetings SET uid = ${SQL_UUID} WHERE id = NEW.id; END;
      CREATE TRIGGER recommendations_uid_on_insert AFTER INSERT ON recommendations WHEN NEW.uid IS NULL
      BEGIN UPDATE recommendations SET uid = ${SQL_UUID} WHERE id = NEW.id; END;

      CREATE TABLE agencies (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort_order INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE followup_statuses (
        key TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('open', 'resolved', 'not_resolved')),
        answered INTEGER NOT NULL CHECK (answered IN (0, 1)),
        sort_order INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT, WITHOUT ROWID;

      -- Tasks the chair's conclusion assigns (kind 'direction'); recommendations are items too,
      -- kept in their own table.
      CREATE TABLE followup_items (
        uid TEXT PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        kind TEXT NOT NULL DEFAULT 'direction' CHECK (kind = 'direction'),
        content TEXT NOT NULL,
        topic TEXT NOT NULL DEFAULT '',
        created_on TEXT NOT NULL,
        seq INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX followup_items_meeting ON followup_items(meeting_id, seq);

      CREATE TABLE followup_events (
        uid TEXT PRIMARY KEY,
        item_uid TEXT NOT NULL,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        field TEXT NOT NULL CHECK (field IN ('status', 'agency', 'deadline', 'document', 'note')),
        value TEXT NOT NULL,
        parent_uid TEXT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX followup_events_item ON followup_events(item_uid, at, uid);
      CREATE INDEX followup_events_meeting ON followup_events(meeting_id);
      CREATE TRIGGER followup_events_no_update BEFORE UPDATE ON followup_events
      BEGIN SELECT RAISE(ABORT, 'followup history is append-only'); END;
      CREATE TRIGGER followup_events_no_delete BEFORE DELETE ON followup_events
        WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting_id)
      BEGIN SELECT RAISE(ABORT, 'followup history is append-only'); END;

      -- Written answers' files, by content hash (a merge adds a file once).
      CREATE TABLE followup_files (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        data BLOB NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (meeting_id, sha256)
      ) STRICT;

      CREATE TABLE followup_state (
        item_uid TEXT PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        recommendation_id INTEGER,
        seq INTEGER NOT NULL,
        base_status TEXT NOT NULL,
        base_agency TEXT NOT NULL DEFAULT '',
        base_deadline TEXT,
        status TEXT NOT NULL,
        agency TEXT NOT NULL DEFAULT '',
        deadline TEXT,
        document_json TEXT,
        conflict INTEGER NOT NULL DEFAULT 0,
        topic TEXT NOT NULL DEFAULT '',
        received_on TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- The register's Vietnamese search: folded text (as search_index), rowid = the state row's.
      CREATE VIRTUAL TABLE followup_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
      -- A state row leaving (a rebuild, or a purge cascading from its meeting) takes its text along.
      CREATE TRIGGER followup_state_unindex AFTER DELETE ON followup_state BEGIN DELETE FROM followup_search WHERE rowid = OLD.rowid; END;
      -- One index per filter, each in the register's order and covering the uid, so a filter
      -- reads its first screenful straight from an index (register.ts picks it with INDEXED BY).
      CREATE INDEX followup_state_received ON followup_state(received_on DESC, meeting_id DESC, seq, item_uid);
      CREATE INDEX followup_state_status ON followup_state(status, received_on DESC, meeting_id DESC, seq, item_uid);
      CREATE INDEX followup_state_agency ON followup_state(agency, received_on DESC, meeting_id DESC, seq, item_uid);
      CREATE INDEX followup_state_topic ON followup_state(topic, received_on DESC, meeting_id DESC, seq, item_uid);
      CREATE INDEX followup_state_deadline ON followup_state(deadline, status, received_on, meeting_id, seq, item_uid);
      CREATE INDEX followup_state_meeting ON followup_state(meeting_id, seq);

      CREATE TABLE followup_dirty (meeting_id INTEGER PRIMARY KEY) STRICT;
      INSERT INTO followup_dirty SELECT id FROM meetings;
      CREATE TRIGGER followup_dirty_meeting_ins AFTER INSERT ON meetings BEGIN INSERT OR IGNORE INTO followup_dirty VALUES (NEW.id); END;
      CREATE TRIGGER followup_dirty_meeting_upd AFTER UPDATE OF date, created_at, deleted_at ON meetings BEGIN INSERT OR IGNORE INTO followup_dirty VALUES (NEW.id); END;
      CREATE TRIGGER followup_dirty_rec_ins AFTER INSERT ON recommendations BEGIN INSERT OR IGNORE INTO followup_dirty VALUES (NEW.meeting_id); END;
      CREATE TRIGGER followup_dirty_rec_upd AFTER UPDATE ON recommendations BEGIN INSERT OR IGNORE INTO followup_dirty VALUES (NEW.meeting_id); END;
      CREATE TRIGGER followup_dirty_rec_del AFTER DELETE ON recommendations BEGIN INSERT OR IGNORE INTO followup_dirty VALUES (OLD.meeting_id); END;
      CREATE TRIGGER followup_dirty_reply_ins AFTER INSERT ON replies BEGIN INSERT OR IGNORE INTO followup_dirty VALUES (NEW.meeting_id); END;
      CREATE TRIGGER followup_dirty_reply_upd AFTER UPDATE ON replies BEGIN INSERT OR IGNORE INTO followup_dirty VALUES (NEW.meeting_id); END;
      CREATE TRIGGER followup_dirty_reply_del AFTER DELETE ON replies BEGIN INSERT OR IGNORE INTO followup_dirty VALUES (OLD.meeting_id); END;
      CREATE TRIGGER followup_dirty_link_ins AFTER INSERT ON reply_links BEGIN INSERT OR IGNORE INTO followup_dirty SELECT meeting_id FROM replies WHERE id = NEW.reply_id; END;
      CREATE TRIGGER followup_dirty_link_del AFTER DELETE ON reply_links BEGIN INSERT OR IGNORE INTO followup_dirty SELECT meeting_id FROM replies WHERE id = OLD.reply_id; END;

      CREATE TABLE documents_new (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('article', 'minutes', 'summary', 'notice')),
        blocks_json TEXT NOT NULL,
        options_json TEXT NOT NULL DEFAULT '{}',
        source_hash TEXT NOT NULL,
        edited INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
        generated_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (meeting_id, kind)
      ) STRICT;
      INSERT INTO documents_new SELECT meeting_id, kind, blocks_json, options_json, source_hash, edited, generated_at, updated_at FROM documents;
      DROP TABLE documents;
      ALTER TABLE documents_new RENAME TO documents;
    `);
    const insert = db.prepare('INSERT INTO followup_statuses (key, label, category, answered, sort_order, active) VALUES (?, ?, ?, ?, ?, ?)');
    for (const s of DEFAULT_STATUSES) insert.run(s.key, s.label, s.category, s.answered ? 1 : 0, s.sortOrder, s.active ? 1 : 0);
  },
};

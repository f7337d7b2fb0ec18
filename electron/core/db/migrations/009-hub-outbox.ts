import type { Migration } from '../migrate';

// Sending to the province's hub (issue 17). The office enters the hub's address and the unit key
// its admin issued (hub_settings, one row). What must go is decided by SQLite itself, in the same
// transaction as the change, so nothing can be changed without being queued: a closed meeting
// changed (its record, or its follow-up history) puts one row in hub_outbox (one per meeting,
// coalesced; the sender sends the whole meeting file, which the hub merges by uid). The sender
// removes a row only if it was not queued again while the file was on its way.
export const m009HubOutbox: Migration = {
  version: 9,
  name: 'hub: settings and outbox',
  up(db) {
    db.exec(`
      CREATE TABLE hub_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        url TEXT NOT NULL DEFAULT '',
        unit_key TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE hub_outbox (
        meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        queued_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try_at TEXT NOT NULL,
        last_error TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE hub_sent (
        meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        sent_at TEXT NOT NULL,
        new_events INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TRIGGER hub_outbox_meeting AFTER UPDATE ON meetings
      WHEN NEW.status = 'closed' AND NEW.deleted_at IS NULL
      BEGIN
        INSERT INTO hub_outbox (meeting_id, queued_at, next_try_at) VALUES (NEW.id, NEW.updated_at, NEW.updated_at)
        ON CONFLICT (meeting_id) DO UPDATE SET queued_at = excluded.queued_at, attempts = 0, next_try_at = excluded.next_try_at;
      END;

      CREATE TRIGGER hub_outbox_event AFTER INSERT ON followup_events
      WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id AND deleted_at IS NULL) = 'closed'
      BEGIN
        INSERT INTO hub_outbox (meeting_id, queued_at, next_try_at) VALUES (NEW.meeting_id, NEW.at, NEW.at)
        ON CONFLICT (meeting_id) DO UPDATE SET queued_at = max(hub_outbox.queued_at, excluded.queued_at), attempts = 0, next_try_at = excluded.next_try_at;
      END;

      -- Meetings closed before this version are queued once, so a newly connected office sends its history.
      INSERT INTO hub_outbox (meeting_id, queued_at, next_try_at)
      SELECT id, updated_at, updated_at FROM meetings WHERE status = 'closed' AND deleted_at IS NULL;
    `);
  },
};

-- The hub's first schema: units and their keys, the province's users and their sessions, the audit
-- log, and the meetings, kiến nghị and follow-up history the units send.
-- Dates are ISO text (YYYY-MM-DD) and timestamps ISO text in UTC with milliseconds, as in the app,
-- so what a unit sent is what the hub gives back, byte for byte, on any time zone.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE units (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,40}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  created_at  text NOT NULL
);

-- A unit key is shown once when issued; only its SHA-256 is kept.
CREATE TABLE unit_keys (
  id          serial PRIMARY KEY,
  unit_id     integer NOT NULL REFERENCES units(id),
  key_hash    text NOT NULL UNIQUE,
  label       text NOT NULL DEFAULT '',
  created_at  text NOT NULL,
  revoked_at  text
);

CREATE TABLE users (
  id             serial PRIMARY KEY,
  username       text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,60}$'),
  display_name   text NOT NULL DEFAULT '',
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('admin', 'province')),
  created_at     text NOT NULL,
  disabled_at    text
);

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     integer NOT NULL REFERENCES users(id),
  created_at  text NOT NULL,
  expires_at  text NOT NULL
);

CREATE TABLE audit (
  id        bigserial PRIMARY KEY,
  at        text NOT NULL,
  actor     text NOT NULL,
  action    text NOT NULL,
  detail    jsonb NOT NULL DEFAULT '{}'::jsonb
);
-- The audit log is append-only, enforced here and not only by the code.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append-only table %', TG_TABLE_NAME;
END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE meetings (
  uid           text PRIMARY KEY,
  unit_id       integer NOT NULL REFERENCES units(id),
  title         text NOT NULL,
  kind          text NOT NULL,
  date          date,
  locality      text NOT NULL DEFAULT '',
  status        text NOT NULL,
  -- SHA-256 of the meeting's part of the file: the same file sent twice changes nothing.
  content_hash  text NOT NULL,
  data          jsonb NOT NULL,
  received_at   text NOT NULL,
  updated_at    text NOT NULL
);
CREATE INDEX meetings_unit ON meetings (unit_id, date);

-- A register item: a kiến nghị of a meeting, or a task of the chair's conclusion, with its current
-- follow-up state (the fold of its events over the base its meeting gives, rebuilt whenever its
-- events change) in the same row, so the register filters 600,000 items without a join.
CREATE TABLE items (
  uid           text PRIMARY KEY,
  meeting_uid   text NOT NULL REFERENCES meetings(uid),
  unit_id       integer NOT NULL REFERENCES units(id),
  kind          text NOT NULL CHECK (kind IN ('recommendation', 'direction')),
  content       text NOT NULL,
  short_phrase  text NOT NULL DEFAULT '',
  topic         text NOT NULL DEFAULT '',
  raised_by     text NOT NULL DEFAULT '',
  raised_unit   text NOT NULL DEFAULT '',
  received_on   date,
  -- " word word …": the app's own Vietnamese folding (đ = d, no marks, lower case; unaccent does
  -- not fold đ), with a leading space so LIKE '% w%' is a word-prefix match, as in the app.
  folded        text NOT NULL,
  -- What the meeting record says before any change (the app's base state), kept for the report.
  base_status   text NOT NULL,
  base_agency   text NOT NULL DEFAULT '',
  base_deadline date,
  status        text NOT NULL,
  agency        text NOT NULL DEFAULT '',
  deadline      date,
  document      jsonb,
  conflict      boolean NOT NULL DEFAULT false,
  updated_at    text NOT NULL
);
CREATE INDEX items_meeting ON items (meeting_uid);
CREATE INDEX items_received ON items (received_on DESC, uid);
CREATE INDEX items_unit ON items (unit_id, received_on DESC);
CREATE INDEX items_status ON items (status, received_on DESC);
CREATE INDEX items_deadline ON items (deadline) WHERE deadline IS NOT NULL;
CREATE INDEX items_agency ON items (agency);
CREATE INDEX items_topic ON items (topic);
CREATE INDEX items_folded_trgm ON items USING gin (folded gin_trgm_ops);

-- The follow-up history, append-only as in the app; merged by uid, never duplicated.
CREATE TABLE events (
  uid         text PRIMARY KEY,
  item_uid    text NOT NULL REFERENCES items(uid),
  field       text NOT NULL CHECK (field IN ('status', 'agency', 'deadline', 'document', 'note')),
  value       text NOT NULL,
  parent_uid  text,
  at          text NOT NULL,
  actor       text NOT NULL,
  note        text NOT NULL DEFAULT '',
  -- Which unit sent it, or null for a note written on the hub by the province.
  unit_id     integer REFERENCES units(id),
  user_id     integer REFERENCES users(id)
);
CREATE INDEX events_item ON events (item_uid, field, at, uid);
CREATE INDEX events_field_at ON events (field, item_uid, at DESC, uid DESC);
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE statuses (
  key         text PRIMARY KEY,
  label       text NOT NULL,
  category    text NOT NULL CHECK (category IN ('open', 'resolved', 'not_resolved')),
  answered    boolean NOT NULL,
  sort_order  integer NOT NULL,
  active      boolean NOT NULL DEFAULT true
);

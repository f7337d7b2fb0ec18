-- The hub's own settings: the issuing office printed on the reports it exports (the same shape as
-- the app's office profile), kept as one JSON value per key.
CREATE TABLE settings (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  text NOT NULL
);

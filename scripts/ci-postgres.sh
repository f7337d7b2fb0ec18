#!/usr/bin/env bash
# Starts Debian's PostgreSQL for thuky-hub's tests and makes a role for them; prints the URL the
# tests read from THUKY_TEST_PG_URL. Sourced by .ci/run, which stops the server when it ends.
set -euo pipefail
PG_VERSION=$(ls /etc/postgresql | sort -n | tail -1)
pg_ctlcluster "$PG_VERSION" main start 2>/dev/null || pg_ctlcluster "$PG_VERSION" main status >/dev/null
cat > /tmp/thuky-ci-role.sql <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'thuky_test') THEN
    CREATE ROLE thuky_test LOGIN CREATEDB PASSWORD 'thuky_test';
  END IF;
END $$;
SQL
chmod 644 /tmp/thuky-ci-role.sql
su postgres -c "psql -q -f /tmp/thuky-ci-role.sql"
echo "postgres://thuky_test:thuky_test@127.0.0.1:5432/postgres"

-- The register at a province's size (600,000 items): indexes the register's queries can walk in
-- their own order, and a word index for the search.
--
-- The register sorts by received_on DESC NULLS LAST, uid. 001's indexes were (received_on DESC, uid),
-- that is NULLS FIRST, so PostgreSQL could not read them in the register's order and sorted every
-- match instead (300,000 rows for "overdue"). In the register's own order a broad filter stops after
-- its first page.
DROP INDEX items_received;
CREATE INDEX items_received ON items (received_on DESC NULLS LAST, uid);
DROP INDEX items_unit;
CREATE INDEX items_unit ON items (unit_id, received_on DESC NULLS LAST, uid);
DROP INDEX items_status;
CREATE INDEX items_status ON items (status, received_on DESC NULLS LAST, uid);

-- The search: every query word is a prefix of a folded word of the item (the app's folding, đ = d,
-- stored in items.folded as " word word …"). A trigram index only narrowed LIKE '% word%' down to
-- candidates that each had to be rechecked in the table, and PostgreSQL misjudged how many there
-- were; a tsvector prefix query ('duong':*) reads its posting lists slowly. So the index holds every
-- prefix of every word, up to 12 letters ("duong" gives d, du, duo, duon, duong), as exact words:
-- a query word is one lookup, and PostgreSQL's statistics on these words estimate well. Words go
-- in as they are (no parser, no stemming). A query word longer than 12 letters is looked up by its
-- first 12 and checked whole by the LIKE that always comes with it (hub/src/register.ts).
-- COST: computing this per row is expensive, so PostgreSQL should read the index, never the rows.
CREATE FUNCTION hub_words(folded text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
  AS $$ SELECT array_to_tsvector(ARRAY(SELECT DISTINCT left(w, n) FROM unnest(string_to_array(folded, ' ')) AS w,
                                        generate_series(1, least(length(w), 12)) AS n WHERE w <> '')) $$;
DROP INDEX items_folded_trgm;
CREATE INDEX items_words ON items USING gin (hub_words(folded));

-- "Overdue" and "due within N days" at a province's size: the deadline follows the meeting's date,
-- so the newest items are the ones not yet due. The register reads this index date by date
-- (newest first), each date's items in the deadline's range only, and stops when its page is full.
-- Status and uid come with it, so those reads never touch the table.
CREATE INDEX items_received_deadline ON items (received_on DESC NULLS LAST, deadline) INCLUDE (status, uid);

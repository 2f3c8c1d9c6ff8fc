-- The key/value store (track "kv"): its keys, its revision and the retained history of its changes.
CREATE TABLE actors_kv_meta (
    id int PRIMARY KEY CHECK (id = 1),
    revision bigint NOT NULL
);

INSERT INTO actors_kv_meta (id, revision) VALUES (1, 0);

-- COLLATE "C": byte order of UTF-8, the ordinal order of the keys.
CREATE TABLE actors_kv_keys (
    key text COLLATE "C" PRIMARY KEY,
    value bytea NOT NULL,
    create_revision bigint NOT NULL,
    mod_revision bigint NOT NULL,
    version bigint NOT NULL,
    session_id text NULL
);

-- One row per change; type 0 = put (the entry's columns set), 1 = delete (they are null).
CREATE TABLE actors_kv_history (
    revision bigint PRIMARY KEY,
    type smallint NOT NULL,
    key text COLLATE "C" NOT NULL,
    value bytea NULL,
    create_revision bigint NULL,
    mod_revision bigint NULL,
    version bigint NULL,
    session_id text NULL
);

-- Moves the revision from expected to next, or fails the transaction: a batch commits only on top of the revision its
-- writer loaded, so a second writer (a zombie activation on another silo) cannot interleave its changes.
CREATE FUNCTION actors_kv_advance(expected bigint, next bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE actors_kv_meta SET revision = next WHERE id = 1 AND revision = expected;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'The key/value store''s revision is not %: another writer moved it on.', expected USING ERRCODE = 'serialization_failure';
    END IF;
END;
$$;

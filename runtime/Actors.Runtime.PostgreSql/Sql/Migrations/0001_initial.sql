-- Grain state and reminders. Every row belongs to one cluster (SiloOptions.ClusterId): clusters can share a
-- database without seeing each other's data, and every query filters on cluster_id first.

-- One row per (grain, state name). version is the ETag: 1 on insert, +1 on every write and clear. A write or
-- clear succeeds only at the version the writer read, so a zombie activation's write is refused. A clear keeps
-- the row with a NULL payload (a tombstone) so versions never repeat: an ETag from before a clear can never
-- match a record written after it.
CREATE TABLE actors_grain_state (
    cluster_id  text        NOT NULL,
    state_name  text        NOT NULL,
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    payload     jsonb,
    version     bigint      NOT NULL CHECK (version > 0),
    modified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cluster_id, state_name, grain_type, grain_key)
);

-- Reminder versions come from one sequence, not from a per-row counter: a reminder removed and registered again
-- gets a version never used before, so an ETag held from before the removal can never match the new row.
CREATE SEQUENCE actors_reminder_versions AS bigint;

-- grain_hash is GrainId.UniformHash, an unsigned 32-bit value: bigint keeps 0..2^32-1 in ring order, which a
-- signed integer column would break for hashes of 2^31 and above.
CREATE TABLE actors_reminders (
    cluster_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    grain_hash    bigint      NOT NULL CHECK (grain_hash BETWEEN 0 AND 4294967295),
    start_at      timestamptz NOT NULL,
    period_ms     bigint      NOT NULL CHECK (period_ms > 0),
    version       bigint      NOT NULL,
    PRIMARY KEY (cluster_id, grain_id, reminder_name)
);

-- A silo loads the reminders of its ring range: (cluster_id, grain_hash) serves those range scans.
CREATE INDEX actors_reminders_ring ON actors_reminders (cluster_id, grain_hash);

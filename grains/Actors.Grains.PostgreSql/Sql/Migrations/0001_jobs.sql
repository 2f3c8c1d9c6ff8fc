-- Jobs (one row per job, written by its Task grain) and their blobs. The "jobs" migration track: recorded in
-- actors_jobs_schema_migrations, apart from the runtime's track.

-- body is the whole JobSnapshot as JSON (GrainInterfacesJsonContext: camelCase, enums as strings); the other
-- columns repeat what listings filter and sort on. version is the snapshot's version: updates are compare-and-set
-- on it. created_at holds the snapshot's CreatedAt rounded down to the microsecond, the listing order with id.
-- COLLATE "C": ids sort by code point (UTF-8 byte order) whatever the database's default collation, as the
-- in-memory store and the listing cursors expect.
CREATE TABLE actors_jobs (
    id         text COLLATE "C" PRIMARY KEY,
    status     text        NOT NULL,
    submitter  text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    bigint      NOT NULL,
    labels     jsonb       NOT NULL DEFAULT '{}',
    body       jsonb       NOT NULL
);

-- Listings: newest first, optionally by status; keyset pagination on (created_at, id).
CREATE INDEX actors_jobs_listing ON actors_jobs (created_at DESC, id DESC);
CREATE INDEX actors_jobs_status_listing ON actors_jobs (status, created_at DESC, id DESC);

-- Label filters: labels ? key, labels @> {"key": "value"}.
CREATE INDEX actors_jobs_labels ON actors_jobs USING gin (labels);

-- The scheduler's rebuild reads unfinished jobs oldest first; finished jobs, the vast majority, stay out of it.
-- The status list must match the non-final JobStatus values (PostgreSqlJobStore.UnfinishedStatuses).
CREATE INDEX actors_jobs_unfinished ON actors_jobs (created_at, id) WHERE status IN ('Queued', 'Scheduled', 'Running');

-- kind 0 is a job's input (attempt 0), kind 1 the stdout of one attempt (1, 2, ...). No foreign key: the input
-- is written before its job exists (claim check).
CREATE TABLE actors_job_blobs (
    job_id  text COLLATE "C" NOT NULL,
    kind    smallint NOT NULL CHECK (kind IN (0, 1)),
    attempt int      NOT NULL CHECK (attempt >= 0),
    data    bytea    NOT NULL,
    PRIMARY KEY (job_id, kind, attempt)
);

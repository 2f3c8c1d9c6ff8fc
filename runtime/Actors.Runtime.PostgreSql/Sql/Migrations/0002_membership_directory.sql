-- The membership table and the grain directory. Like every table, scoped by cluster_id.
-- The migrator applies this once per database, under its advisory lock, in one transaction; IF NOT EXISTS
-- makes the script harmless even if it ever runs again (it only adds tables and an index).

-- One row per cluster: the membership table's version. Every insert or update of a membership row (and every
-- cleanup that deletes rows) increments it by one in the same statement or transaction, after locking this row;
-- so writers of one cluster are serialized here, and a writer holding a stale version changes nothing.
-- Heartbeats do not touch it.
CREATE TABLE IF NOT EXISTS actors_membership_version (
    cluster_id text   PRIMARY KEY,
    version    bigint NOT NULL CHECK (version >= 0)
);

-- One row per silo process: (address, port, generation) is SiloAddress. status holds the SiloStatus enum's
-- value (1 Joining, 2 Active, 3 ShuttingDown, 4 Dead; no CHECK, so a later status needs no migration).
-- suspicions is a JSON array of {"voter": "host:port@generation", "time": ISO 8601}. etag is the table version
-- the row's last insert or update produced: unique within the cluster and never reused, unchanged by heartbeats
-- (which write only i_am_alive_time and activation_count).
CREATE TABLE IF NOT EXISTS actors_membership (
    cluster_id       text        NOT NULL,
    address          text        NOT NULL,
    port             int         NOT NULL CHECK (port BETWEEN 0 AND 65535),
    generation       bigint      NOT NULL,
    host_name        text        NOT NULL,
    node_name        text        NOT NULL,
    gateway_port     int         NOT NULL CHECK (gateway_port BETWEEN 0 AND 65535),
    status           smallint    NOT NULL,
    start_time       timestamptz NOT NULL,
    i_am_alive_time  timestamptz NOT NULL,
    suspicions       jsonb       NOT NULL DEFAULT '[]',
    grain_types      text[]      NOT NULL DEFAULT '{}',
    activation_count int         NOT NULL DEFAULT 0,
    etag             bigint      NOT NULL CHECK (etag > 0),
    PRIMARY KEY (cluster_id, address, port, generation)
);

-- Where each grain's single activation lives. silo is SiloAddress.ToString() ("host:port@generation"). The
-- primary key is the arbiter of single activation: of two registrations racing for a grain, one inserts and the
-- other conflicts and learns the winner.
CREATE TABLE IF NOT EXISTS actors_grain_directory (
    cluster_id    text NOT NULL,
    grain_id      text NOT NULL,
    silo          text NOT NULL,
    activation_id uuid NOT NULL,
    PRIMARY KEY (cluster_id, grain_id)
);

-- When silos die, their entries are deleted by silo.
CREATE INDEX IF NOT EXISTS actors_grain_directory_silo ON actors_grain_directory (cluster_id, silo);

using Actors.TestKit.Postgres;

// One throwaway database for the whole run, migrated by the silo's own migrator and dropped at the end.
[assembly: AssemblyFixture(typeof(PostgresDatabase))]

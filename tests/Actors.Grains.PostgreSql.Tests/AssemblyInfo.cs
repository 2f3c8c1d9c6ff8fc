using Actors.TestKit.Postgres;

// One throwaway server connection for the run; every test creates the fresh databases it needs, dropped at the end.
[assembly: AssemblyFixture(typeof(PostgresDatabase))]

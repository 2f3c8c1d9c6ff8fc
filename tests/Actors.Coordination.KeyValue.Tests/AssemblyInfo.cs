using Actors.TestKit.Postgres;

// Each test class starts its own in-process silos; running them side by side on 2 cores only adds noise.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// One throwaway server connection for the run (the PostgreSQL store's tests make a fresh schema each).
[assembly: AssemblyFixture(typeof(PostgresDatabase))]

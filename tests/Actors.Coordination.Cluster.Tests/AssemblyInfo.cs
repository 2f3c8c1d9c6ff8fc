using Actors.TestKit.Postgres;

// One PostgreSQL server connection for the run; every test makes its own database.
[assembly: AssemblyFixture(typeof(PostgresDatabase))]

// Each test runs several silo processes on a 2-core machine: one test at a time keeps failure detection honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

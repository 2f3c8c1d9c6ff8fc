using Actors.Jobs.Tests;
using Actors.TestKit.Postgres;

// One PostgreSQL server connection for the run; every test makes its own database.
[assembly: AssemblyFixture(typeof(PostgresDatabase))]

// The Docker engine must answer and the test images must exist (test.sh starts and builds them).
[assembly: AssemblyFixture(typeof(DockerEngine))]

// Silo processes and containers on a 2-core machine: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

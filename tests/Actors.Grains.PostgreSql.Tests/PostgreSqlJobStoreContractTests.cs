using Actors.Grains.Jobs.Storage;
using Actors.TestKit.Contracts;
using Actors.TestKit.Postgres;

namespace Actors.Grains.PostgreSql.Tests;

/// <summary>The job store contract on PostgreSQL, one fresh database per test.</summary>
public sealed class PostgreSqlJobStoreContractTests(PostgresDatabase database) : JobStoreContractTests
{
    private readonly PostgresDatabase _database = database;

    protected override async Task<IJobStore> CreateEmptyStoreAsync(CancellationToken cancellationToken) => await JobStores.CreateAsync(_database);
}

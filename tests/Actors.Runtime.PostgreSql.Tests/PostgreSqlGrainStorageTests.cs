using Actors.Persistence;
using Actors.TestKit.Contracts;
using Actors.TestKit.Postgres;

namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>The grain storage contract on PostgreSQL.</summary>
public sealed class PostgreSqlGrainStorageTests(PostgresDatabase database) : GrainStorageContractTests
{
    private readonly PostgresDatabase _database = database;

    protected override IGrainStorage CreateStorage(string clusterId) =>
        new PostgreSqlGrainStorage(_database.DataSource, TestSerializer.Instance, clusterId);
}

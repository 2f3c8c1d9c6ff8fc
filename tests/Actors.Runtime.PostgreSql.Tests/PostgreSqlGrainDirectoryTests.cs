using Actors.Runtime.Directory;
using Actors.Runtime.Hosting;
using Actors.TestKit.Contracts;
using Actors.TestKit.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>The grain directory contract on PostgreSQL, and its registration by UsePostgreSql.</summary>
public sealed class PostgreSqlGrainDirectoryTests(PostgresDatabase database) : GrainDirectoryContractTests
{
    private readonly PostgresDatabase _database = database;

    [Fact]
    public void UsePostgreSql_RegistersPostgreSqlGrainDirectoryAsTheOnlyOne()
    {
        using var host = SiloHosts.Build(PostgresDatabase.NewClusterId(), silo => silo.UsePostgreSql(_database.ConnectionString));

        Assert.IsType<PostgreSqlGrainDirectory>(Assert.Single(host.Services.GetServices<IGrainDirectory>()));
    }

    protected override IGrainDirectory CreateDirectory(string clusterId) => new PostgreSqlGrainDirectory(_database.DataSource, clusterId);
}

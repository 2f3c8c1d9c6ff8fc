using Actors.Runtime.Hosting;
using Actors.Runtime.Membership;
using Actors.TestKit.Contracts;
using Actors.TestKit.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>The membership table contract on PostgreSQL, and its registration by UsePostgreSql.</summary>
public sealed class PostgreSqlMembershipTableTests(PostgresDatabase database) : MembershipTableContractTests
{
    private readonly PostgresDatabase _database = database;

    [Fact]
    public void UsePostgreSql_RegistersPostgreSqlMembershipTableAsTheOnlyOne()
    {
        using var host = SiloHosts.Build(PostgresDatabase.NewClusterId(), silo => silo.UsePostgreSql(_database.ConnectionString));

        Assert.IsType<PostgreSqlMembershipTable>(Assert.Single(host.Services.GetServices<IMembershipTable>()));
    }

    protected override IMembershipTable CreateTable(string clusterId) => new PostgreSqlMembershipTable(_database.DataSource, clusterId);
}

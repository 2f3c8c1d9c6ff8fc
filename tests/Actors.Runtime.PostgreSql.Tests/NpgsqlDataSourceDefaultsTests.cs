using Npgsql;

namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>The pool bound every data source gets unless its connection string says otherwise.</summary>
public sealed class NpgsqlDataSourceDefaultsTests
{
    [Fact]
    public void Apply_NothingSet_BoundsThePool()
    {
        var builder = new NpgsqlDataSourceBuilder("Host=127.0.0.1;Username=postgres");

        NpgsqlDataSourceDefaults.Apply(builder, "Host=127.0.0.1;Username=postgres");

        Assert.Equal(NpgsqlDataSourceDefaults.MaxPoolSize, builder.ConnectionStringBuilder.MaxPoolSize);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Maximum Pool Size=7")]
    [InlineData("Host=127.0.0.1;maxpoolsize=7")]
    public void Apply_ConnectionStringSetsTheBound_ItWins(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);

        NpgsqlDataSourceDefaults.Apply(builder, connectionString);

        Assert.Equal(7, builder.ConnectionStringBuilder.MaxPoolSize);
    }
}

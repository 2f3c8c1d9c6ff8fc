using Npgsql;

namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>The pool bound and statement preparation every data source gets unless its connection string says otherwise.</summary>
public sealed class NpgsqlDataSourceDefaultsTests
{
    [Fact]
    public void Apply_NothingSet_BoundsThePoolAndPreparesRepeatedStatements()
    {
        var builder = new NpgsqlDataSourceBuilder("Host=127.0.0.1;Username=postgres");

        NpgsqlDataSourceDefaults.Apply(builder, "Host=127.0.0.1;Username=postgres");

        Assert.Equal(NpgsqlDataSourceDefaults.MaxPoolSize, builder.ConnectionStringBuilder.MaxPoolSize);
        Assert.Equal(NpgsqlDataSourceDefaults.MaxAutoPrepare, builder.ConnectionStringBuilder.MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Max Auto Prepare=0;Maximum Pool Size=7")]
    [InlineData("Host=127.0.0.1;maxautoprepare=0;MaxPoolSize=7")]
    public void Apply_ConnectionStringSetsThem_ItsSettingsWin(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);

        NpgsqlDataSourceDefaults.Apply(builder, connectionString);

        Assert.Equal(7, builder.ConnectionStringBuilder.MaxPoolSize);
        Assert.Equal(0, builder.ConnectionStringBuilder.MaxAutoPrepare);
    }
}

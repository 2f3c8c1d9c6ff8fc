namespace Actors.Grains.PostgreSql.Tests;

/// <summary>Which job store settings fail the start, and with what message; no database needed.</summary>
public sealed class PostgreSqlJobStoreOptionsValidatorTests
{
    private const string ConnectionString = "Host=127.0.0.1;Port=5432;Username=actors;Password=secret;Database=actors";

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = new PostgreSqlJobStoreOptionsValidator().Validate(null, new PostgreSqlJobStoreOptions { ConnectionString = ConnectionString });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("Host=127.0.0.1;Nonsense Keyword=1", "not a valid Npgsql connection string")]
    [InlineData("Port=5432;Database=actors", "names no Host")]
    public void Validate_BadConnectionString_FailsWithoutEchoingIt(string connectionString, string expected)
    {
        var result = new PostgreSqlJobStoreOptionsValidator().Validate(null, new PostgreSqlJobStoreOptions { ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 4, 4096, 8388608L, "BatchSize must be 1 to 4096")]
    [InlineData(5000, 4, 8192, 8388608L, "BatchSize must be 1 to 4096")]
    [InlineData(256, 0, 4096, 8388608L, "Writers must be 1 to 64")]
    [InlineData(256, 4, 100, 8388608L, "MaxPendingWrites (100) must be at least its BatchSize (256)")]
    [InlineData(256, 4, 2_000_000, 8388608L, "MaxPendingWrites must be at most 1,000,000")]
    [InlineData(256, 4, 4096, 1024L, "MaxBatchBytes must be 64 KiB to 256 MiB")]
    [InlineData(256, 20, 4096, 8388608L, "Writers (20) must be below the connection pool's size (20)")]
    public void Validate_BatchingOutOfRange_Fails(int batchSize, int writers, int maxPending, long maxBatchBytes, string expected)
    {
        var options = new PostgreSqlJobStoreOptions
        {
            ConnectionString = ConnectionString,
            BatchSize = batchSize,
            Writers = writers,
            MaxPendingWrites = maxPending,
            MaxBatchBytes = maxBatchBytes,
        };

        var result = new PostgreSqlJobStoreOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WritersBelowAnExplicitPool_Succeed()
    {
        var options = new PostgreSqlJobStoreOptions { ConnectionString = ConnectionString + ";Maximum Pool Size=50", Writers = 20 };

        var result = new PostgreSqlJobStoreOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }
}

using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Grains.PostgreSql;

/// <summary>
/// Fails the host's start when the job store's options are unusable, saying which and why. Never echoes the
/// connection string: it may hold a password.
/// </summary>
public sealed class PostgreSqlJobStoreOptionsValidator : IValidateOptions<PostgreSqlJobStoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgreSqlJobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "The connection string of the job store (AddPostgreSqlJobStore) is empty; pass an Npgsql connection string such as 'Host=127.0.0.1;Port=5432;Username=actors;Database=actors'.");
        }

        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return ValidateOptionsResult.Fail($"The connection string of the job store (AddPostgreSqlJobStore) is not a valid Npgsql connection string: {ex.Message}");
        }

        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            return ValidateOptionsResult.Fail("The connection string of the job store (AddPostgreSqlJobStore) names no Host.");
        }

        var poolSize = PostgreSqlJobStoreDataSource.SetsMaxPoolSize(options.ConnectionString) ? settings.MaxPoolSize : PostgreSqlJobStoreDataSource.DefaultMaxPoolSize;
        return ValidateBatching(options, poolSize) is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;
    }

    /// <summary>The batching rules alone, against a pool of <paramref name="poolSize"/> connections: the failure, or null.</summary>
    internal static string? ValidateBatching(PostgreSqlJobStoreOptions options, int poolSize) => options switch
    {
        { BatchSize: < 1 or > 4096 } => $"The job store's BatchSize must be 1 to 4096; it is {options.BatchSize}.",
        { Writers: < 1 or > 64 } => $"The job store's Writers must be 1 to 64; it is {options.Writers}.",
        { MaxPendingWrites: > 1_000_000 } => $"The job store's MaxPendingWrites must be at most 1,000,000; it is {options.MaxPendingWrites}.",
        _ when options.MaxPendingWrites < options.BatchSize =>
            $"The job store's MaxPendingWrites ({options.MaxPendingWrites}) must be at least its BatchSize ({options.BatchSize}).",
        { MaxBatchBytes: < 64 * 1024 or > 256 * 1024 * 1024 } => $"The job store's MaxBatchBytes must be 64 KiB to 256 MiB; it is {options.MaxBatchBytes}.",
        _ when options.Writers >= poolSize =>
            $"The job store's Writers ({options.Writers}) must be below the connection pool's size ({poolSize}), or reads would wait for connections behind the writers.",
        _ => null,
    };
}

using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Runtime.PostgreSql;

/// <summary>
/// Fails the silo's start when a PostgreSQL connection string is missing or unreadable, naming which provider it
/// belongs to. Never echoes the connection string: it may hold a password.
/// </summary>
internal sealed class PostgreSqlOptionsValidator : IValidateOptions<PostgreSqlOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var owner = name switch
        {
            PostgreSqlOptions.ClusterDatabase => "the cluster database (UsePostgreSql)",
            not null when name.StartsWith(PostgreSqlOptions.GrainStoragePrefix, StringComparison.Ordinal) =>
                $"grain storage '{name[PostgreSqlOptions.GrainStoragePrefix.Length..]}' (AddPostgreSqlGrainStorage)",
            _ => $"PostgreSQL options '{name}'",
        };
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"The connection string of {owner} is empty; pass an Npgsql connection string such as 'Host=127.0.0.1;Port=5432;Username=actors;Database=actors'.");
        }

        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return ValidateOptionsResult.Fail($"The connection string of {owner} is not a valid Npgsql connection string: {ex.Message}");
        }

        return string.IsNullOrWhiteSpace(settings.Host)
            ? ValidateOptionsResult.Fail($"The connection string of {owner} names no Host.")
            : ValidateOptionsResult.Success;
    }
}

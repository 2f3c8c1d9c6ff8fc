using Npgsql;

namespace Actors.Runtime.PostgreSql;

/// <summary>
/// The settings every data source of ours gets unless its connection string sets them: a bounded pool. (Npgsql's
/// automatic preparation is left off: with <c>Max Auto Prepare=64</c> the jobs benchmark's submissions fell from
/// 2,434 to 936/s and the coordination figures did not move; see bench/README.md.)
/// </summary>
public static class NpgsqlDataSourceDefaults
{
    /// <summary>
    /// The pool bound when the connection string sets none: Npgsql's default of 100 per silo would let three busy silos
    /// exhaust PostgreSQL's default max_connections (100); a silo rarely needs more than a few dozen.
    /// </summary>
    public const int MaxPoolSize = 20;

    /// <summary>Applies the defaults to <paramref name="builder"/> for what <paramref name="connectionString"/> leaves unset.</summary>
    public static void Apply(NpgsqlDataSourceBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!SetsMaxPoolSize(connectionString))
        {
            builder.ConnectionStringBuilder.MaxPoolSize = MaxPoolSize;
        }
    }

    /// <summary>True when the connection string itself names a pool bound.</summary>
    public static bool SetsMaxPoolSize(string connectionString) =>
        Sets(connectionString, "MaximumPoolSize") || Sets(connectionString, "MaxPoolSize");

    // Npgsql's own builder reports every keyword as present, set or not, so the keys actually written are read with the
    // generic builder; spaces and case do not matter ("Max Pool Size" = "maxpoolsize").
    private static bool Sets(string connectionString, string keyword)
    {
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return written.Keys.Cast<string>().Any(key => key.Replace(" ", string.Empty, StringComparison.Ordinal).Equals(keyword, StringComparison.OrdinalIgnoreCase));
    }
}

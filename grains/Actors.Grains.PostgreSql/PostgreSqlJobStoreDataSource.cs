using Actors.Runtime.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Grains.PostgreSql;

/// <summary>
/// Builds the job store's own <see cref="NpgsqlDataSource"/> the way the runtime builds its databases'
/// (PostgreSqlSiloBuilderExtensions): a name, a pool bounded at <see cref="DefaultMaxPoolSize"/> unless the connection
/// string sets one, the host's logger factory. The job store and the key/value store use it, or share the cluster
/// database's data source when they point at the same database.
/// </summary>
internal static class PostgreSqlJobStoreDataSource
{
    /// <summary>The data source's name in Npgsql's logs and metrics.</summary>
    public const string Name = "Actors.PostgreSql.Jobs";

    /// <summary>The pool bound when the connection string sets none: the runtime's, for the same reason (max_connections 100 shared by silos).</summary>
    public const int DefaultMaxPoolSize = Runtime.Hosting.PostgreSqlSiloBuilderExtensions.DefaultMaxPoolSize;

    public static NpgsqlDataSource Build(string connectionString, ILoggerFactory? loggerFactory)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = Name };
        NpgsqlDataSourceDefaults.Apply(builder, connectionString);

        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder.Build();
    }

    /// <summary>True when the connection string itself names a pool bound.</summary>
    public static bool SetsMaxPoolSize(string connectionString) => NpgsqlDataSourceDefaults.SetsMaxPoolSize(connectionString);

    /// <summary>The cluster database's data source when it is registered and points at the same connection string: one pool, not two.</summary>
    public static NpgsqlDataSource? SharedClusterDataSource(IServiceProvider services, string connectionString)
    {
        if (services.GetService<IServiceProviderIsService>() is not IServiceProviderIsKeyedService keyed
            || !keyed.IsKeyedService(typeof(NpgsqlDataSource), PostgreSqlOptions.ClusterDatabase))
        {
            return null;
        }

        var cluster = services.GetRequiredService<IOptionsMonitor<PostgreSqlOptions>>().Get(PostgreSqlOptions.ClusterDatabase);
        return string.Equals(cluster.ConnectionString, connectionString, StringComparison.Ordinal)
            ? services.GetRequiredKeyedService<NpgsqlDataSource>(PostgreSqlOptions.ClusterDatabase)
            : null;
    }
}

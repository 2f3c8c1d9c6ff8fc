using Actors.Grains.Coordination.KeyValue;
using Actors.Grains.PostgreSql;
using Actors.Grains.PostgreSql.Coordination;
using Actors.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL key/value store.</summary>
public static class PostgreSqlKeyValueStoreServiceCollectionExtensions
{
    /// <summary>
    /// Keeps the key/value store in the PostgreSQL database at <paramref name="connectionString"/>
    /// (<see cref="PostgreSqlKeyValueStore"/>), replacing any other <see cref="IKeyValueStore"/>. Shares the cluster
    /// database's data source when the connection string is the same; the schema (track "kv") is migrated when a silo
    /// starts, or else before the store's first use. The history retention comes from
    /// <c>Actors:KeyValue:HistoryRetention</c> (as for the in-memory store) unless <paramref name="configure"/> sets it.
    /// </summary>
    public static IServiceCollection AddPostgreSqlKeyValueStore(
        this IServiceCollection services, string connectionString, Action<PostgreSqlKeyValueStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<KeyValueStoreOptions>().BindConfiguration(KeyValueStoreOptions.SectionName);
        services.AddOptions<PostgreSqlKeyValueStoreOptions>().Configure<IOptions<KeyValueStoreOptions>>((options, shared) =>
        {
            options.ConnectionString = connectionString;
            options.HistoryRetention = shared.Value.HistoryRetention;
            configure?.Invoke(options);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, KeyValueStoreSchemaLifecycle>());
        services.RemoveAll<IKeyValueStore>();
        services.RemoveAll<PostgreSqlKeyValueStore>();
        services.AddSingleton(CreateStore);
        services.AddSingleton<IKeyValueStore>(static sp => sp.GetRequiredService<PostgreSqlKeyValueStore>());
        return services;
    }

    private static PostgreSqlKeyValueStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<PostgreSqlKeyValueStoreOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("The connection string of the key/value store (AddPostgreSqlKeyValueStore) is empty.");
        }

        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        return PostgreSqlJobStoreDataSource.SharedClusterDataSource(services, options.ConnectionString) is { } shared
            ? new PostgreSqlKeyValueStore(shared, options, loggerFactory, ownsDataSource: false)
            : new PostgreSqlKeyValueStore(PostgreSqlJobStoreDataSource.Build(options.ConnectionString, loggerFactory), options, loggerFactory, ownsDataSource: true);
    }
}

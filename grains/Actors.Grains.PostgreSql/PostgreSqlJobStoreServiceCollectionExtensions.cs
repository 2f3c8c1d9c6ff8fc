using Actors.Grains.Jobs.Storage;
using Actors.Grains.PostgreSql;
using Actors.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL job store.</summary>
public static class PostgreSqlJobStoreServiceCollectionExtensions
{
    /// <summary>
    /// Keeps jobs in the PostgreSQL database at <paramref name="connectionString"/> (<see cref="PostgreSqlJobStore"/>),
    /// replacing any other <see cref="IJobStore"/> (the in-memory one included). When the connection string is the
    /// cluster database's (UsePostgreSql), the store shares that <see cref="NpgsqlDataSource"/>; otherwise it builds
    /// its own, pooled like the runtime's. The options are validated when the host starts; the schema is migrated
    /// when a silo starts (stage RuntimeStorage), or else before the store's first use.
    /// </summary>
    /// <remarks>Calling it again replaces the connection string; earlier <paramref name="configure"/> callbacks still apply, in order.</remarks>
    public static IServiceCollection AddPostgreSqlJobStore(
        this IServiceCollection services, string connectionString, Action<PostgreSqlJobStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PostgreSqlJobStoreOptions>()
            .Configure(options =>
            {
                options.ConnectionString = connectionString;
                configure?.Invoke(options);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlJobStoreOptions>, PostgreSqlJobStoreOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, JobStoreSchemaLifecycle>());
        services.RemoveAll<IJobStore>();
        services.RemoveAll<PostgreSqlJobStore>();
        services.AddSingleton(CreateStore);
        services.AddSingleton<IJobStore>(static sp => sp.GetRequiredService<PostgreSqlJobStore>());
        return services;
    }

    private static PostgreSqlJobStore CreateStore(IServiceProvider services)
    {
        // Reading the options validates them, so a store resolved before the host starts fails with the validator's message.
        var options = services.GetRequiredService<IOptions<PostgreSqlJobStoreOptions>>().Value;
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        return PostgreSqlJobStoreDataSource.SharedClusterDataSource(services, options.ConnectionString) is { } shared
            ? new PostgreSqlJobStore(shared, options, loggerFactory, ownsDataSource: false)
            : new PostgreSqlJobStore(PostgreSqlJobStoreDataSource.Build(options.ConnectionString, loggerFactory), options, loggerFactory, ownsDataSource: true);
    }
}

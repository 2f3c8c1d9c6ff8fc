using Actors.Persistence;
using Actors.Runtime.Directory;
using Actors.Runtime.Membership;
using Actors.Runtime.PostgreSql;
using Actors.Runtime.Reminders;
using Actors.Runtime.Storage;
using Actors.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Runtime.Hosting;

/// <summary>Configures a silo to keep its cluster state in PostgreSQL.</summary>
public static class PostgreSqlSiloBuilderExtensions
{
    /// <summary>
    /// Keeps the cluster's state in the PostgreSQL database at <paramref name="connectionString"/>: the default grain
    /// storage, the reminder table, the membership table and the grain directory, scoped by the silo's cluster id.
    /// Registers one <see cref="NpgsqlDataSource"/> (service key <see cref="PostgreSqlOptions.ClusterDatabase"/>) and
    /// migrates the schema when the silo starts (stage <see cref="SiloLifecycleStage.RuntimeStorage"/>). The connection
    /// string is validated at start.
    /// </summary>
    /// <remarks>Call it in the silo's configure callback: it replaces the in-memory defaults. Calling it again replaces the connection string.</remarks>
    public static ISiloBuilder UsePostgreSql(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        AddDatabase(services, PostgreSqlOptions.ClusterDatabase, connectionString);

        services.AddKeyedSingleton<IGrainStorage>(GrainStorageNames.Default, static (sp, _) => CreateGrainStorage(sp, PostgreSqlOptions.ClusterDatabase));
        services.RemoveAll<IReminderTable>();
        services.AddSingleton<IReminderTable>(static sp => new PostgreSqlReminderTable(
            sp.GetRequiredKeyedService<NpgsqlDataSource>(PostgreSqlOptions.ClusterDatabase),
            sp.GetRequiredService<ILocalSiloDetails>().ClusterId));
        services.RemoveAll<IMembershipTable>();
        services.AddSingleton<IMembershipTable>(static sp => new PostgreSqlMembershipTable(
            sp.GetRequiredKeyedService<NpgsqlDataSource>(PostgreSqlOptions.ClusterDatabase),
            sp.GetRequiredService<ILocalSiloDetails>().ClusterId));
        services.RemoveAll<IGrainDirectory>();
        services.AddSingleton<IGrainDirectory>(static sp => new PostgreSqlGrainDirectory(
            sp.GetRequiredKeyedService<NpgsqlDataSource>(PostgreSqlOptions.ClusterDatabase),
            sp.GetRequiredService<ILocalSiloDetails>().ClusterId));
        return builder;
    }

    /// <summary>
    /// Adds grain storage named <paramref name="name"/> (for <c>[PersistentState(stateName, name)]</c>) in the PostgreSQL
    /// database at <paramref name="connectionString"/>, which may differ from the cluster's. Its schema is migrated when
    /// the silo starts; the connection string is validated at start.
    /// </summary>
    public static ISiloBuilder AddPostgreSqlGrainStorage(this ISiloBuilder builder, string name, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var key = PostgreSqlOptions.GrainStorageDatabase(name);
        AddDatabase(builder.Services, key, connectionString);
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => CreateGrainStorage(sp, key));
        return builder;
    }

    private static void AddDatabase(IServiceCollection services, string key, string connectionString)
    {
        // Checked when the silo starts (ValidateOnStart), with a message naming the provider, rather than here:
        // hosts build their configuration before they can report errors well.
        services.AddOptions<PostgreSqlOptions>(key).Configure(o => o.ConnectionString = connectionString).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlOptions>, PostgreSqlOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, SchemaMigrationLifecycle>());
        if (services.Any(s => s.ServiceType == typeof(PostgreSqlDatabaseRegistration) && Equals(s.ImplementationInstance, new PostgreSqlDatabaseRegistration(key))))
        {
            return;
        }

        services.AddSingleton(new PostgreSqlDatabaseRegistration(key));

        // One data source (one connection pool) per database, shared by every provider that uses it; the
        // container disposes it at shutdown. Reading the options here validates them again, so even a provider
        // resolved before start fails with the validator's message rather than Npgsql's.
        services.AddKeyedSingleton<NpgsqlDataSource>(key, static (sp, serviceKey) =>
        {
            var name = (string)serviceKey!;
            var options = sp.GetRequiredService<IOptionsMonitor<PostgreSqlOptions>>().Get(name);
            var dataSource = new NpgsqlDataSourceBuilder(options.ConnectionString) { Name = name };

            NpgsqlDataSourceDefaults.Apply(dataSource, options.ConnectionString);
            if (sp.GetService<ILoggerFactory>() is { } loggerFactory)
            {
                dataSource.UseLoggerFactory(loggerFactory);
            }

            return dataSource.Build();
        });
    }

    /// <summary>The connection pool bound of a silo when the connection string sets none.</summary>
    public const int DefaultMaxPoolSize = NpgsqlDataSourceDefaults.MaxPoolSize;

    /// <summary>True when the connection string itself names a pool bound.</summary>
    internal static bool SetsMaxPoolSize(string connectionString) => NpgsqlDataSourceDefaults.SetsMaxPoolSize(connectionString);

    private static PostgreSqlGrainStorage CreateGrainStorage(IServiceProvider services, string databaseKey) =>
        new(services.GetRequiredKeyedService<NpgsqlDataSource>(databaseKey),
            services.GetRequiredService<ISerializer>(),
            services.GetRequiredService<ILocalSiloDetails>().ClusterId);
}

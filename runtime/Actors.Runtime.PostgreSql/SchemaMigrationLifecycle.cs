using Actors.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Actors.Runtime.PostgreSql;

/// <summary>
/// Migrates every registered PostgreSQL database at <see cref="SiloLifecycleStage.RuntimeStorage"/>, before any
/// grain, reminder or membership component touches a table. A failure stops the silo's start.
/// </summary>
internal sealed class SchemaMigrationLifecycle(
    IServiceProvider services,
    IEnumerable<PostgreSqlDatabaseRegistration> databases,
    ILogger<SchemaMigrator> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly IServiceProvider _services = services;
    private readonly PostgreSqlDatabaseRegistration[] _databases = [.. databases.Distinct()];
    private readonly ILogger<SchemaMigrator> _logger = logger;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(SchemaMigrator), SiloLifecycleStage.RuntimeStorage, MigrateAsync);
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // Several storages often share one database: migrate each database once (the migrator is idempotent,
        // this only saves round trips).
        var migrated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var database in _databases)
        {
            var dataSource = _services.GetRequiredKeyedService<NpgsqlDataSource>(database.ServiceKey);
            if (migrated.Add(dataSource.ConnectionString))
            {
                await new SchemaMigrator(dataSource, _logger).MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

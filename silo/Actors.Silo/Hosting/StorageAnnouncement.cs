using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Silo.Hosting;

/// <summary>Says at start where state and reminders live, so nobody mistakes the embedded default for durable storage.</summary>
internal sealed partial class StorageAnnouncement(IOptions<SiloStorageOptions> options, ILogger<StorageAnnouncement> logger) : IHostedService
{
    private readonly SiloStorageOptions _options = options.Value;
    private readonly ILogger<StorageAnnouncement> _logger = logger;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Provider == StorageProvider.PostgreSql)
        {
            var connection = new NpgsqlConnectionStringBuilder(_options.ConnectionString);
            Log.PostgreSql(_logger, connection.Host ?? "(default host)", connection.Port, connection.Database ?? "(default database)");
        }
        else
        {
            Log.InMemory(_logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(SiloEventIds.InMemoryStorage, LogLevel.Warning,
            "Storage: in-memory providers (the embedded default). Grain state and reminders live in this process only and are lost when it exits; set Actors:Storage:Provider=PostgreSql for durable storage and clustering.")]
        public static partial void InMemory(ILogger logger);

        [LoggerMessage(SiloEventIds.PostgreSqlStorage, LogLevel.Information, "Storage: PostgreSQL at {Host}:{Port}, database {Database}")]
        public static partial void PostgreSql(ILogger logger, string host, int port, string database);
    }
}

using Actors.Runtime.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace Actors.TestKit.Postgres;

/// <summary>
/// A throwaway PostgreSQL database for one test run: created with a unique name on the server named by
/// <c>ACTORS_TEST_POSTGRES</c> (default <see cref="DefaultServerConnectionString"/>), migrated with the silo's own
/// <see cref="SchemaMigrator"/>, dropped when the run ends. Tests isolate themselves inside it by using a fresh
/// cluster id each (<see cref="NewClusterId"/>), not by truncating tables.
/// </summary>
/// <remarks>
/// Use it as an xunit v3 assembly fixture: <c>[assembly: AssemblyFixture(typeof(PostgresDatabase))]</c>, then take a
/// <see cref="PostgresDatabase"/> constructor parameter in test classes. An unreachable server fails the run with how
/// to fix it; it never skips, because a skipped suite passes green by accident.
/// </remarks>
public sealed class PostgresDatabase : IAsyncLifetime
{
    /// <summary>The environment variable holding the server's connection string (any database on it; the user must be allowed to CREATE DATABASE).</summary>
    public const string EnvironmentVariable = "ACTORS_TEST_POSTGRES";

    /// <summary>The server <c>scripts/postgres.sh start</c> runs.</summary>
    public const string DefaultServerConnectionString = "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    private readonly List<string> _createdDatabases = [];
    private readonly bool _fromEnvironment;
    private NpgsqlDataSource? _server;
    private NpgsqlDataSource? _dataSource;
    private string? _connectionString;

    /// <summary>Creates the fixture; nothing connects before <see cref="InitializeAsync"/>.</summary>
    public PostgresDatabase()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        _fromEnvironment = !string.IsNullOrWhiteSpace(configured);
        ServerConnectionString = _fromEnvironment ? configured! : DefaultServerConnectionString;
    }

    /// <summary>The server's connection string, as configured.</summary>
    public string ServerConnectionString { get; }

    /// <summary>The connection string of this run's migrated database.</summary>
    public string ConnectionString => _connectionString ?? throw NotInitialized();

    /// <summary>A data source on this run's migrated database, shared by the run's tests.</summary>
    public NpgsqlDataSource DataSource => _dataSource ?? throw NotInitialized();

    /// <summary>A cluster id no other test uses: what keeps tests apart inside the shared database.</summary>
    public static string NewClusterId() => "test-" + Guid.NewGuid().ToString("N")[..16];

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _server = NpgsqlDataSource.Create(ServerConnectionString);
        try
        {
            await using var probe = await _server.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException(Unreachable(ex), ex);
        }

        _connectionString = await CreateDatabaseAsync(migrate: true, cancellationToken);
        _dataSource = NpgsqlDataSource.Create(_connectionString);
    }

    /// <summary>
    /// Creates one more throwaway database on the server (for example an empty one, to test migrations), dropped
    /// with the run's database at the end.
    /// </summary>
    /// <param name="migrate">True to apply the schema migrations; false for an empty database.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>The new database's connection string.</returns>
    public async Task<string> CreateDatabaseAsync(bool migrate, CancellationToken cancellationToken)
    {
        var server = _server ?? throw NotInitialized();

        // Lower-case letters, digits and '_' only, so the name needs no quoting; unique per call, so runs in
        // parallel on one server never share a database.
        var name = "actors_test_" + Guid.NewGuid().ToString("N");
        await using (var create = server.CreateCommand($"CREATE DATABASE {name}"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        lock (_createdDatabases)
        {
            _createdDatabases.Add(name);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
        if (migrate)
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(cancellationToken);
        }

        return connectionString;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (_server is null)
        {
            return;
        }

        string[] names;
        lock (_createdDatabases)
        {
            names = [.. _createdDatabases];
        }

        foreach (var name in names)
        {
            // FORCE ends connections that pools of the tests still hold (PostgreSQL 13 and later).
            await using var drop = _server.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
        }

        await _server.DisposeAsync();
    }

    private string Unreachable(NpgsqlException ex)
    {
        var settings = new NpgsqlConnectionStringBuilder(ServerConnectionString);
        var cause = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
        var source = _fromEnvironment ? $"from {EnvironmentVariable}" : $"the default; {EnvironmentVariable} is not set";
        return $"""
            The PostgreSQL tests need a server, and none could be used at {settings.Host}:{settings.Port} as user '{settings.Username}' ({source}): {cause}
            Fix: start the throwaway test server from the repository root with `bash scripts/postgres.sh start`,
            or set {EnvironmentVariable} to the connection string of a server where that user may CREATE DATABASE.
            """;
    }

    private static InvalidOperationException NotInitialized() =>
        new("The PostgreSQL fixture is not initialized: register it with [assembly: AssemblyFixture(typeof(PostgresDatabase))] and take it as a constructor parameter.");
}

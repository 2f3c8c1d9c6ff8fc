using Npgsql;

namespace Actors.Benchmarks.CrossSilo;

/// <summary>
/// The PostgreSQL server of one benchmark run and the run's own database. The server comes from
/// <c>ACTORS_BENCH_POSTGRES</c> or <c>ACTORS_TEST_POSTGRES</c>, else from <c>scripts/postgres.sh</c>: a server that
/// already answers is reused and left running; one this run started is stopped at the end. The database
/// (bench_&lt;guid&gt;) is created empty (the silos migrate it) and dropped at the end.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);

    private readonly NpgsqlDataSource _server;
    private readonly string _database;
    private readonly bool _startedHere;

    private PostgresServer(NpgsqlDataSource server, string database, string connectionString, bool startedHere)
    {
        _server = server;
        _database = database;
        ConnectionString = connectionString;
        _startedHere = startedHere;
    }

    /// <summary>The connection string of this run's database.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var (serverConnectionString, startedHere) = await FindOrStartServerAsync(cancellationToken);
        var server = NpgsqlDataSource.Create(serverConnectionString);
        try
        {
            // Lower-case letters, digits and '_' only, so the name needs no quoting.
            var database = "bench_" + Guid.NewGuid().ToString("N");
            await using (var create = server.CreateCommand($"CREATE DATABASE {database}"))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;
            Console.WriteLine($"PostgreSQL: database {database} on {Describe(serverConnectionString)}{(startedHere ? " (server started by this run)" : string.Empty)}");
            return new PostgresServer(server, database, connectionString, startedHere);
        }
        catch
        {
            await server.DisposeAsync();
            if (startedHere)
            {
                await StopScriptServerAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // FORCE ends connections the killed silos' pools may still hold (PostgreSQL 13 and later).
            await using var drop = _server.CreateCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
        }
        finally
        {
            await _server.DisposeAsync();
            if (_startedHere)
            {
                await StopScriptServerAsync();
            }
        }
    }

    private static async Task<(string ConnectionString, bool StartedHere)> FindOrStartServerAsync(CancellationToken cancellationToken)
    {
        foreach (var variable in new[] { "ACTORS_BENCH_POSTGRES", "ACTORS_TEST_POSTGRES" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured)
            {
                return (configured, false);
            }
        }

        var status = await ChildProcess.RunAsync("bash", ["scripts/postgres.sh", "status"], ScriptTimeout, cancellationToken);
        if (status.ExitCode == 0)
        {
            return (LastLine(status.Stdout), false);
        }

        var start = await ChildProcess.RunAsync("bash", ["scripts/postgres.sh", "start"], ScriptTimeout, cancellationToken);
        return start.ExitCode == 0
            ? (LastLine(start.Stdout), true)
            : throw new InvalidOperationException($"scripts/postgres.sh start failed with exit code {start.ExitCode}:\n{start.Stderr}");
    }

    private static async Task StopScriptServerAsync()
    {
        var stop = await ChildProcess.RunAsync("bash", ["scripts/postgres.sh", "stop"], ScriptTimeout, CancellationToken.None);
        if (stop.ExitCode != 0)
        {
            Console.Error.WriteLine($"scripts/postgres.sh stop failed with exit code {stop.ExitCode}:\n{stop.Stderr}");
        }
    }

    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
        ?? throw new InvalidOperationException("scripts/postgres.sh printed no connection string.");

    private static string Describe(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{settings.Host}:{settings.Port}";
    }
}

using System.Globalization;
using Actors.Benchmarks.CrossSilo;
using Npgsql;

namespace Actors.Benchmarks.Jobs;

/// <summary>
/// The PostgreSQL server of one jobs benchmark run: <c>ACTORS_BENCH_POSTGRES</c> when set (left running), else a
/// throwaway server of its own through <c>scripts/postgres.sh</c> on a free loopback port with its own state
/// directory, stopped (and its data deleted) at the end. Each part gets its own database, dropped at the end.
/// </summary>
internal sealed class JobsPostgres : IAsyncDisposable
{
    private const string ConfiguredVariable = "ACTORS_BENCH_POSTGRES";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);

    private readonly NpgsqlDataSource _server;
    private readonly string _serverConnectionString;
    private readonly IReadOnlyDictionary<string, string>? _scriptEnvironment;
    private readonly List<string> _databases = [];

    private JobsPostgres(string serverConnectionString, IReadOnlyDictionary<string, string>? scriptEnvironment)
    {
        _serverConnectionString = serverConnectionString;
        _scriptEnvironment = scriptEnvironment;
        _server = NpgsqlDataSource.Create(serverConnectionString);
    }

    /// <summary>Where the server is, for the printed set-up.</summary>
    public string Description
    {
        get
        {
            var settings = new NpgsqlConnectionStringBuilder(_serverConnectionString);
            var origin = _scriptEnvironment is null ? $"from {ConfiguredVariable}" : "a throwaway server started by this run (scripts/postgres.sh)";
            return string.Create(CultureInfo.InvariantCulture, $"{settings.Host}:{settings.Port}, {origin}");
        }
    }

    /// <summary>Uses <c>ACTORS_BENCH_POSTGRES</c>, or starts a server of this run's own.</summary>
    public static async Task<JobsPostgres> StartAsync(CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(ConfiguredVariable) is { Length: > 0 } configured)
        {
            return new JobsPostgres(configured, scriptEnvironment: null);
        }

        // Its own port and state directory, so it never touches the server other sessions' tests use.
        var environment = new Dictionary<string, string>
        {
            ["ACTORS_PG_PORT"] = LoopbackPorts.Next().ToString(CultureInfo.InvariantCulture),
            ["ACTORS_PG_STATE"] = Path.Combine(Path.GetTempPath(), "actors-pg-bench-jobs-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture)),
        };
        Console.WriteLine($"starting a throwaway PostgreSQL (scripts/postgres.sh, port {environment["ACTORS_PG_PORT"]}, state {environment["ACTORS_PG_STATE"]})...");
        var start = await ChildProcess.RunAsync("bash", ["scripts/postgres.sh", "start"], ScriptTimeout, cancellationToken, environment);
        if (start.ExitCode != 0)
        {
            await StopAsync(environment);
            throw new InvalidOperationException($"scripts/postgres.sh start failed with exit code {start.ExitCode}:\n{start.Stderr}");
        }

        var connectionString = start.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (string.IsNullOrEmpty(connectionString))
        {
            await StopAsync(environment);
            throw new InvalidOperationException("scripts/postgres.sh start printed no connection string.");
        }

        return new JobsPostgres(connectionString, environment);
    }

    /// <summary>Creates an empty database (the first silo migrates it) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose, CancellationToken cancellationToken)
    {
        // Lower-case letters, digits and '_' only, so the name needs no quoting.
        var database = $"bench_jobs_{purpose}_{Guid.NewGuid():N}"[..40];
        await using (var create = _server.CreateCommand($"CREATE DATABASE {database}"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        _databases.Add(database);
        return new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = database }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var database in _databases)
            {
                // FORCE ends connections the killed silos' pools may still hold.
                await using var drop = _server.CreateCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                await drop.ExecuteNonQueryAsync();
            }
        }
        catch (NpgsqlException ex)
        {
            Console.Error.WriteLine($"Could not drop the benchmark databases: {ex.Message}");
        }
        finally
        {
            await _server.DisposeAsync();
            if (_scriptEnvironment is not null)
            {
                await StopAsync(_scriptEnvironment);
            }
        }
    }

    private static async Task StopAsync(IReadOnlyDictionary<string, string> environment)
    {
        var stop = await ChildProcess.RunAsync("bash", ["scripts/postgres.sh", "stop"], ScriptTimeout, CancellationToken.None, environment);
        if (stop.ExitCode != 0)
        {
            Console.Error.WriteLine($"scripts/postgres.sh stop failed with exit code {stop.ExitCode}:\n{stop.Stderr}");
        }
    }
}

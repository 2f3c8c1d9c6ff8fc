using System.Diagnostics;
using System.Globalization;
using Actors.Benchmarks.CrossSilo;
using Actors.Benchmarks.Measurement;
using Actors.Grains.Containers;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Benchmarks.Jobs;

/// <summary>
/// Issue 4's benchmark (item 9), each part beside a baseline from the same run: (a) the latency of one sync job
/// through <c>POST /v1/run</c> against <c>docker run</c>; (b) jobs accepted durably per second by <c>POST /v1/jobs</c>
/// against the single-row INSERT ceiling of the same PostgreSQL; (c) one-shot jobs completed per second by two nodes
/// against <c>docker run</c> with the same parallelism. See bench/README.md.
/// </summary>
public static class JobsBenchmark
{
    private const int SubmitClients = 32;
    private const int InsertClients = 4;
    private const int WarmupSeconds = 10;
    private static readonly TimeSpan NodeReadyTimeout = TimeSpan.FromSeconds(90);

    public static async Task<string> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var settings = JobsSettings.Parse(args);
        var siloAssembly = await SiloBuild.EnsureAsync(cancellationToken);
        if (settings.Has('a') || settings.Has('c'))
        {
            await DockerCli.EnsureReadyAsync(["actors/cat:latest"], cancellationToken);
        }

        await using var postgres = await JobsPostgres.StartAsync(cancellationToken);
        Console.WriteLine($"PostgreSQL: {postgres.Description}");
        var loadBefore = SystemLoad.OneMinuteAverage();
        SyncLatencyFigures? sync = null;
        CompletionFigures? completion = null;
        SubmitFigures? submit = null;
        if (settings.Has('a') || settings.Has('c'))
        {
            (sync, completion) = await RunExecutorPartsAsync(settings, siloAssembly, postgres, cancellationToken);
        }

        if (settings.Has('b'))
        {
            submit = await RunSubmitPartAsync(settings, siloAssembly, postgres, cancellationToken);
        }

        var lines = new List<string>();
        lines.AddRange(new object?[] { sync, submit, completion }.OfType<object>().Select(figures => "jobs " + figures));
        lines.Add(Summary(sync, submit, completion, loadBefore, SystemLoad.OneMinuteAverage()));
        Console.WriteLine();
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>(a) on one executor silo, then (c) once a second executor silo has joined.</summary>
    private static async Task<(SyncLatencyFigures?, CompletionFigures?)> RunExecutorPartsAsync(
        JobsSettings settings, string siloAssembly, JobsPostgres postgres, CancellationToken cancellationToken)
    {
        var database = await postgres.CreateDatabaseAsync("exec", cancellationToken);
        await using var cluster = new SiloCluster(siloAssembly, grainAssembly: null, database);
        var environment = new Dictionary<string, string>
        {
            ["Actors__Executor__Enabled"] = "true",
            ["Actors__Executor__Slots"] = settings.Slots.ToString(CultureInfo.InvariantCulture),
            ["Actors__Executor__Cpus"] = settings.Slots.ToString(CultureInfo.InvariantCulture),
        };
        var first = await cluster.StartSiloAsync("jobs-node-1", cancellationToken, environment);
        using var firstApi = new JobsApi(first.HttpPort, connections: settings.Jobs);
        await WaitForNodesAsync(firstApi, 1, cancellationToken);
        Console.WriteLine($"{cluster}: {first}");

        SyncLatencyFigures? sync = null;
        if (settings.Has('a'))
        {
            await using var services = new ServiceCollection().AddDockerContainerRuntime().BuildServiceProvider();
            sync = await SyncLatencyBenchmark.RunAsync(firstApi, services.GetRequiredService<IContainerRuntime>(), settings.Runs, cancellationToken);
            Console.WriteLine(sync);
        }

        if (!settings.Has('c'))
        {
            return (sync, null);
        }

        var second = await cluster.StartSiloAsync("jobs-node-2", cancellationToken, environment);
        using var secondApi = new JobsApi(second.HttpPort, connections: settings.Jobs);
        await WaitForNodesAsync(firstApi, 2, cancellationToken);
        Console.WriteLine($"{cluster}: {first}, {second}");
        var completion = await CompletionBenchmark.RunAsync([firstApi, secondApi], [first, second], settings.Slots, settings.Jobs, settings.Rounds, cancellationToken);
        Console.WriteLine(completion);
        return (sync, completion);
    }

    /// <summary>(b) on one silo that runs no jobs, with room in the queue for every job the round can submit.</summary>
    private static async Task<SubmitFigures> RunSubmitPartAsync(JobsSettings settings, string siloAssembly, JobsPostgres postgres, CancellationToken cancellationToken)
    {
        var database = await postgres.CreateDatabaseAsync("submit", cancellationToken);
        await using var cluster = new SiloCluster(siloAssembly, grainAssembly: null, database);
        var silo = await cluster.StartSiloAsync("jobs-submit", cancellationToken, new Dictionary<string, string>
        {
            ["Actors__Executor__Enabled"] = "false",
            ["Actors__Jobs__QueueCapacity"] = "2000000",
            ["Actors__Jobs__SubmitterQueueShare"] = "1",
        });
        Console.WriteLine($"{cluster}: {silo} (executor disabled: jobs are accepted and queued, never run)");

        using var load = new SubmitLoad(silo, SubmitClients);
        // Long enough for tiered compilation to reach the silo's hot paths: with 2 s, each following round still ran
        // faster than the one before it, at less CPU per job.
        Console.WriteLine($"(b) warming up ({WarmupSeconds} s)...");
        Console.WriteLine("(b) " + await load.RunAsync("warm-up POST /v1/jobs", TimeSpan.FromSeconds(WarmupSeconds), cancellationToken));
        await using var baseline = await InsertBaseline.CreateAsync(database, InsertClients, cancellationToken);
        var jobs = new List<ThroughputRound>();
        var inserts = new List<ThroughputRound>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            jobs.Add(await load.RunAsync($"round {round}: POST /v1/jobs", settings.Round, cancellationToken));
            Console.WriteLine("(b) " + jobs[^1]);
            inserts.Add(await baseline.RunAsync($"round {round}: single-row INSERT", settings.Round, cancellationToken));
            Console.WriteLine("(b) " + inserts[^1]);
        }

        var (stored, directoryEntries) = await CountRowsAsync(database, cancellationToken);
        var figures = new SubmitFigures(Median(jobs), Median(inserts), load.TotalAccepted, stored, directoryEntries);
        Console.WriteLine(figures);
        return figures;

        static ThroughputRound Median(List<ThroughputRound> rounds) => rounds.OrderBy(r => r.PerSecond).ElementAt(rounds.Count / 2);
    }

    /// <summary>Rows in actors_jobs, and in the grain directory (one per activation registered, each its own INSERT).</summary>
    private static async Task<(long Jobs, long DirectoryEntries)> CountRowsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
        await using var jobs = dataSource.CreateCommand("SELECT count(*) FROM actors_jobs");
        await using var directory = dataSource.CreateCommand("SELECT count(*) FROM actors_grain_directory");
        return ((long)(await jobs.ExecuteScalarAsync(cancellationToken))!, (long)(await directory.ExecuteScalarAsync(cancellationToken))!);
    }

    private static async Task WaitForNodesAsync(JobsApi api, int nodes, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (await api.CountReadyNodesAsync(cancellationToken) < nodes)
        {
            if (elapsed.Elapsed > NodeReadyTimeout)
            {
                throw new TimeoutException($"{nodes} executor node(s) with a working Docker engine were not online within {NodeReadyTimeout} (GET /v1/nodes).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private static string Summary(SyncLatencyFigures? sync, SubmitFigures? submit, CompletionFigures? completion, string loadBefore, string loadAfter)
    {
        var parts = new List<string>();
        if (sync is not null)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"(a) sync p50 {sync.OursP50:N0} ms vs docker run {sync.DockerP50:N0} ms, ratio {sync.Ratio:N2} (goal <= 1.0 {(sync.Ratio <= 1.0 ? "met" : "MISSED")})"));
        }

        if (submit is not null)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"(b) {submit.Jobs.PerSecond:N0} jobs/s accepted vs {submit.Inserts.PerSecond:N0} single-row inserts/s, ratio {submit.Ratio:N2} (goal >= 10,000/s {(submit.Jobs.PerSecond >= SubmitFigures.Goal ? "met" : "MISSED")})"));
        }

        if (completion is not null)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"(c) {completion.OursPerSecond:N2} jobs/s completed on {completion.Nodes} nodes vs docker run {completion.DockerPerSecond:N2}/s, ratio {completion.Ratio:N2}"));
        }

        return $"jobs summary: {string.Join("; ", parts)}; load average {loadBefore} -> {loadAfter} on {Environment.ProcessorCount} cores";
    }
}

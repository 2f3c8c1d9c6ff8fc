using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Actors.Benchmarks.CrossSilo;

namespace Actors.Benchmarks.Jobs;

/// <summary>
/// Part (c): one-shot jobs completed per second by two executor nodes (P slots each): M short <c>actors/cat</c> jobs
/// submitted at once (half through each silo, <c>?wait</c> for the final state), timed until the last is final;
/// against M <c>docker run --rm -i --network none</c> of the same image with parallelism 2P. The two alternate in
/// rounds; every job's output is checked against its input (after the timing).
/// </summary>
internal static class CompletionBenchmark
{
    private const string Image = "actors/cat";
    private const int WaitSeconds = 300;
    private static readonly TimeSpan DockerRunTimeout = TimeSpan.FromSeconds(300);

    public static async Task<CompletionFigures> RunAsync(
        IReadOnlyList<JobsApi> silos, IReadOnlyList<SiloProcess> processes, int slotsPerNode, int jobs, int rounds, CancellationToken cancellationToken)
    {
        var parallelism = slotsPerNode * silos.Count;

        // Untimed: a silo that just started spends most of its CPU compiling its hot paths for a while.
        Console.WriteLine($"(c) warming up ({parallelism * 2} jobs through the cluster)...");
        await RunOursAsync(silos, parallelism * 2, round: 0, cancellationToken);
        var ours = new List<double>();
        var docker = new List<double>();
        var nodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var siloCpu = TimeSpan.Zero;
        for (var round = 1; round <= rounds; round++)
        {
            var cpuBefore = processes.Aggregate(TimeSpan.Zero, (sum, silo) => sum + silo.CpuTime);
            var (ourRate, ourNodes) = await RunOursAsync(silos, jobs, round, cancellationToken);
            siloCpu += processes.Aggregate(TimeSpan.Zero, (sum, silo) => sum + silo.CpuTime) - cpuBefore;
            ours.Add(ourRate);
            foreach (var (node, count) in ourNodes)
            {
                nodes[node] = nodes.GetValueOrDefault(node) + count;
            }

            docker.Add(await RunDockerAsync(jobs, parallelism, round, cancellationToken));
        }

        return new CompletionFigures(jobs, silos.Count, slotsPerNode, parallelism, Percentiles.Median(ours), Percentiles.Median(docker),
            siloCpu.TotalMilliseconds / (jobs * rounds),
            string.Join(", ", nodes.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => string.Create(CultureInfo.InvariantCulture, $"{n.Key} {n.Value}"))));
    }

    private static async Task<(double Rate, Dictionary<string, int> Nodes)> RunOursAsync(
        IReadOnlyList<JobsApi> silos, int jobs, int round, CancellationToken cancellationToken)
    {
        var inputs = Enumerable.Range(0, jobs).Select(i => Input(round, i)).ToArray();
        var elapsed = Stopwatch.StartNew();
        var answers = await Task.WhenAll(inputs.Select((input, i) =>
            silos[i % silos.Count].SubmitAsync(JobsApi.JobJson(Image, input), "bench-completion", WaitSeconds, cancellationToken)));
        elapsed.Stop();

        var nodes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < jobs; i++)
        {
            var (status, body) = answers[i];
            using var job = JsonDocument.Parse(body);
            var root = job.RootElement;
            if (status != HttpStatusCode.OK || root.GetProperty("status").GetString() != "Succeeded")
            {
                throw new InvalidOperationException($"(c) job {i} of round {round} answered {(int)status}: {body}");
            }

            var id = root.GetProperty("id").GetString()!;
            var output = await silos[i % silos.Count].GetOutputAsync(id, cancellationToken);
            if (Encoding.UTF8.GetString(output) != inputs[i])
            {
                throw new InvalidOperationException($"(c) job {id} output '{Encoding.UTF8.GetString(output)}' differs from its input '{inputs[i]}'.");
            }

            var node = root.GetProperty("node").GetString() ?? "?";
            nodes[node] = nodes.GetValueOrDefault(node) + 1;
        }

        var rate = jobs / elapsed.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(c) round {round}: {jobs} jobs through the cluster in {elapsed.Elapsed.TotalSeconds:N1} s = {rate:N2} jobs/s (nodes: {string.Join(", ", nodes.Select(n => $"{n.Key} {n.Value}"))})"));
        return (rate, nodes);
    }

    private static async Task<double> RunDockerAsync(int jobs, int parallelism, int round, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(parallelism);
        var elapsed = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, jobs).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var input = Input(round, i);
                var (exitCode, stdout, stderr, _) = await DockerCli.RunAsync(Image, Encoding.UTF8.GetBytes(input), DockerRunTimeout, cancellationToken);
                if (exitCode != 0 || Encoding.UTF8.GetString(stdout) != input)
                {
                    throw new InvalidOperationException($"(c) docker run {Image} exited with {exitCode}: {stderr}");
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        elapsed.Stop();
        var rate = jobs / elapsed.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(c) round {round}: {jobs} docker runs, {parallelism} at a time, in {elapsed.Elapsed.TotalSeconds:N1} s = {rate:N2} jobs/s"));
        return rate;
    }

    private static string Input(int round, int job) => string.Create(CultureInfo.InvariantCulture, $"round {round} job {job}\n");
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Actors.Grains.Containers;

namespace Actors.Benchmarks.Jobs;

/// <summary>
/// Part (a): the latency of one synchronous job (<c>actors/cat</c>, a small body) through <c>POST /v1/run</c>, against
/// <c>docker run --rm -i --network none</c> of the same image with the same body, and the Docker adapter called
/// directly (the container part of our path, without the API, grains and store). The three alternate, in a rotating
/// order, so a slow spell of the machine lands on all of them. Every answer is checked.
/// </summary>
internal static class SyncLatencyBenchmark
{
    private const string Image = "actors/cat";
    private const int WarmupRuns = 3;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("jobs benchmark: one small synchronous job\n");

    public static async Task<SyncLatencyFigures> RunAsync(JobsApi api, IContainerRuntime adapter, int runs, CancellationToken cancellationToken)
    {
        var sides = new (string Name, Func<Task<double>> Run)[]
        {
            ("POST /v1/run", () => RunOursAsync(api, timelines: null, cancellationToken)),
            ("docker run", () => RunDockerAsync(cancellationToken)),
            ("adapter", () => RunAdapterAsync(adapter, cancellationToken)),
        };
        Console.WriteLine($"(a) warming up ({WarmupRuns} runs of each)...");
        for (var i = 0; i < WarmupRuns; i++)
        {
            foreach (var side in sides)
            {
                await side.Run();
            }
        }

        var timelines = new List<JobTimeline>();
        sides[0].Run = () => RunOursAsync(api, timelines, cancellationToken);
        var samples = sides.Select(_ => new List<double>()).ToArray();
        Console.WriteLine($"(a) {runs} runs of each, alternating in a rotating order...");
        for (var i = 0; i < runs; i++)
        {
            for (var k = 0; k < sides.Length; k++)
            {
                var side = (i + k) % sides.Length;
                samples[side].Add(await sides[side].Run());
            }
        }

        for (var side = 0; side < sides.Length; side++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"(a) {sides[side].Name,-13} ms: {string.Join(' ', samples[side].Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))}"));
        }

        return new SyncLatencyFigures(
            runs,
            Percentiles.Median(samples[0]), Percentiles.Of(samples[0], 90),
            Percentiles.Median(samples[1]), Percentiles.Of(samples[1], 90),
            Percentiles.Median(samples[2]), Percentiles.Of(samples[2], 90),
            JobTimeline.Medians(timelines));
    }

    private static async Task<double> RunOursAsync(JobsApi api, List<JobTimeline>? timelines, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(RunTimeout);
        var sent = DateTimeOffset.UtcNow;
        var elapsed = Stopwatch.StartNew();
        var (status, jobId, body) = await api.RunAsync(Image, Body, limit.Token);
        elapsed.Stop();
        var answered = DateTimeOffset.UtcNow;
        if (status != HttpStatusCode.OK || !body.AsSpan().SequenceEqual(Body))
        {
            throw new InvalidOperationException($"POST /v1/run?image={Image} answered {(int)status} (job {jobId}): {Encoding.UTF8.GetString(body)}");
        }

        if (timelines is not null && jobId is not null)
        {
            // After the timed call: where its time went, from the job's own timestamps.
            timelines.Add(JobTimeline.From(await api.GetJobAsync(jobId, cancellationToken), sent, answered));
        }

        return elapsed.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> RunDockerAsync(CancellationToken cancellationToken)
    {
        var (exitCode, stdout, stderr, elapsed) = await DockerCli.RunAsync(Image, Body, RunTimeout, cancellationToken);
        return exitCode == 0 && stdout.AsSpan().SequenceEqual(Body)
            ? elapsed.TotalMilliseconds
            : throw new InvalidOperationException($"docker run {Image} exited with {exitCode}: {stderr}");
    }

    private static async Task<double> RunAdapterAsync(IContainerRuntime adapter, CancellationToken cancellationToken)
    {
        // The limits an executor node gives a job that asks for nothing (1 CPU, 256 MiB, 256 pids, 64 MiB /tmp).
        var request = new ContainerRunRequest(
            Image + ":latest", null, null, Body, RunTimeout, 1_000_000_000, 256L << 20, 256, 64L << 20, 10L << 20, 64 << 10,
            new Dictionary<string, string> { ["actors.bench"] = "jobs" });
        var elapsed = Stopwatch.StartNew();
        var result = await adapter.RunAsync(request, started: null, cancellationToken);
        elapsed.Stop();
        return result.Exit == ContainerExit.Exited && result.ExitCode == 0 && result.Stdout.AsSpan().SequenceEqual(Body)
            ? elapsed.Elapsed.TotalMilliseconds
            : throw new InvalidOperationException($"The adapter's run of {Image} ended {result.Exit} with {result.ExitCode}: {Encoding.UTF8.GetString(result.StderrTail)}");
    }
}

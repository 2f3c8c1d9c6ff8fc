using System.Diagnostics;
using System.Globalization;
using System.Net;
using Actors.Benchmarks.CrossSilo;

namespace Actors.Benchmarks.Jobs;

/// <summary>
/// Part (b)'s subject: closed-loop clients, each with its own connection and its own <c>X-Submitter</c>, POSTing small
/// <c>actors/cat</c> jobs to <c>/v1/jobs</c> until the round's time is up; a job counts when the answer is 202.
/// </summary>
internal sealed class SubmitLoad : IDisposable
{
    /// <summary>A bound on each client's requests in one round, beside the round's time.</summary>
    private const int MaxRequestsPerClient = 1_000_000;

    private static readonly byte[] Job = JobsApi.JobJson("actors/cat", "hi");

    private readonly JobsApi[] _clients;
    private readonly SiloProcess _silo;

    public SubmitLoad(SiloProcess silo, int clients)
    {
        _silo = silo;
        _clients = [.. Enumerable.Range(0, clients).Select(_ => new JobsApi(silo.HttpPort, connections: 1))];
    }

    /// <summary>Jobs accepted (202) over every round so far, warm-up included.</summary>
    public long TotalAccepted { get; private set; }

    public async Task<ThroughputRound> RunAsync(string label, TimeSpan duration, CancellationToken cancellationToken)
    {
        var cpuBefore = _silo.CpuTime;
        var latencies = _clients.Select(_ => new List<double>()).ToArray();
        var refused = new Dictionary<string, int>(StringComparer.Ordinal);
        var elapsed = Stopwatch.StartNew();
        var deadline = duration;
        var accepted = await Task.WhenAll(_clients.Select((client, i) => Task.Run(async () =>
        {
            var count = 0L;
            var submitter = "bench-client-" + i.ToString(CultureInfo.InvariantCulture);
            var one = new Stopwatch();
            for (var n = 0; n < MaxRequestsPerClient && elapsed.Elapsed < deadline; n++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                one.Restart();
                var (status, body) = await client.SubmitAsync(Job, submitter, waitSeconds: null, cancellationToken);
                latencies[i].Add(one.Elapsed.TotalMilliseconds);
                if (status == HttpStatusCode.Accepted)
                {
                    count++;
                }
                else
                {
                    Note(refused, status, body);
                }
            }

            return count;
        }, cancellationToken)));
        elapsed.Stop();
        var cpu = _silo.CpuTime - cpuBefore;
        var total = accepted.Sum();
        TotalAccepted += total;
        var all = latencies.SelectMany(l => l).ToList();
        return new ThroughputRound(
            label, _clients.Length, total, elapsed.Elapsed, Percentiles.Median(all), Percentiles.Of(all, 99), Describe(refused),
            total == 0 ? null : cpu.TotalMicroseconds / total);
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    private static void Note(Dictionary<string, int> refused, HttpStatusCode status, string body)
    {
        lock (refused)
        {
            var key = ((int)status).ToString(CultureInfo.InvariantCulture);
            if (refused.TryGetValue(key, out var seen))
            {
                refused[key] = seen + 1;
            }
            else
            {
                refused[key] = 1;
                Console.WriteLine($"(b) first {key} answer: {(body.Length > 300 ? body[..300] : body)}");
            }
        }
    }

    private static string Describe(Dictionary<string, int> refused) =>
        string.Join(", ", refused.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} x {r.Value:N0}")));
}

using System.Diagnostics;
using System.Globalization;
using Actors.Benchmarks.Jobs;

namespace Actors.Benchmarks.Coordination;

/// <summary>
/// The benchmark's loads on one side (<see cref="ICoordinationApi"/>), each bounded in time and count. Every round
/// uses names and keys of its own, so no round sees another's locks or events.
/// </summary>
internal sealed class CoordinationLoads(ICoordinationApi api, string runId)
{
    /// <summary>The size of every value put.</summary>
    public const int ValueBytes = 100;

    /// <summary>A bound on the watch samples of one round, beside the round's time.</summary>
    private const int MaxWatchSamples = 20_000;

    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan WatchReadyTimeout = TimeSpan.FromSeconds(10);

    /// <summary>ASCII, so it reads the same as bytes and as text on either side.</summary>
    private static readonly byte[] Value = [.. Enumerable.Range(0, ValueBytes).Select(i => (byte)('a' + (i % 26)))];

    public string Name => api.Name;

    /// <summary>
    /// (1) Uncontended lock cycles: <paramref name="clients"/> clients, each with its own session (lease, created
    /// before the clock starts) and its own lock name, acquire then release in a closed loop. One cycle = one acquire
    /// and one release.
    /// </summary>
    public async Task<ThroughputRound> LocksAsync(string name, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var sessions = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => api.CreateSessionAsync(cancellationToken)));
        var names = Enumerable.Range(0, clients).Select(i => $"bench-{runId}-{name}-c{clients}-{i.ToString(CultureInfo.InvariantCulture)}").ToArray();
        var lastTokens = new long[clients];
        var round = await ClosedLoop.RunAsync($"{api.Name} {name} lock+unlock", clients, duration, async (client, _) =>
        {
            var grant = await api.LockAsync(names[client], sessions[client], cancellationToken);
            await api.UnlockAsync(names[client], sessions[client], grant, cancellationToken);

            // Ours grants fencing tokens: each must exceed the lock's previous one (etcd's grant is a key, not a number).
            if (long.TryParse(grant, NumberStyles.None, CultureInfo.InvariantCulture, out var token))
            {
                if (token <= lastTokens[client])
                {
                    throw new CoordinationCallException("token not increasing", $"Lock {names[client]} granted token {token} after {lastTokens[client]}.");
                }

                lastTokens[client] = token;
            }
        }, cancellationToken);

        // Untimed: ended now, so no round pays for the expiry of an earlier round's sessions.
        try
        {
            await Task.WhenAll(sessions.Select(session => api.CloseSessionAsync(session, cancellationToken)));
        }
        catch (CoordinationCallException ex)
        {
            Console.WriteLine($"{api.Name} {name}: closing the sessions failed (they expire within 30 s): {ex.Message}");
        }

        return round;
    }

    /// <summary>(2) Puts of <see cref="ValueBytes"/>-byte values, each client on its own key, in a closed loop.</summary>
    public Task<ThroughputRound> PutsAsync(string round, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var keys = Enumerable.Range(0, clients).Select(i => $"bench/{runId}/put/{round}/c{clients}/{i.ToString(CultureInfo.InvariantCulture)}").ToArray();
        return ClosedLoop.RunAsync($"{api.Name} {round} put", clients, duration,
            (client, _) => api.PutAsync(keys[client], Value, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// (3) Watch notification latency: one watcher on a prefix, one writer putting new keys under it one after the
    /// other; a sample is the time from sending the put to the arrival of its event on the stream (one clock). The
    /// writer waits for each event before the next put.
    /// </summary>
    public async Task<ThroughputRound> WatchAsync(string round, TimeSpan duration, CancellationToken cancellationToken)
    {
        var prefix = $"bench/{runId}/watch/{round}/";
        var label = $"{api.Name} {round} watch (put -> event)";
        WatchStream watch;
        try
        {
            watch = await api.WatchAsync(prefix, cancellationToken);
        }
        catch (CoordinationCallException ex)
        {
            Console.WriteLine($"{label}: the watch did not open: {ex.Message}");
            return new ThroughputRound(label, 1, 0, TimeSpan.Zero, double.NaN, double.NaN, $"watch not opened ({ex.Kind})", null);
        }

        await using var _ = watch;
        try
        {
            await WaitUntilDeliveringAsync(watch, prefix, cancellationToken);
        }
        catch (Exception ex) when (ex is CoordinationCallException or TimeoutException)
        {
            Console.WriteLine($"{label}: the watch delivered nothing: {ex.Message}");
            return new ThroughputRound(label, 1, 0, TimeSpan.Zero, double.NaN, double.NaN, "watch delivered no probe", null);
        }

        var samples = new List<double>();
        var puts = new List<double>();
        var afterAnswer = new List<double>();
        var missed = 0;
        var elapsed = Stopwatch.StartNew();
        for (var n = 0; n < MaxWatchSamples && elapsed.Elapsed < duration; n++)
        {
            var key = prefix + n.ToString(CultureInfo.InvariantCulture);
            var sent = Stopwatch.GetTimestamp();
            try
            {
                await api.PutAsync(key, Value, cancellationToken);
                var answered = Stopwatch.GetTimestamp();
                var arrived = await watch.WaitForAsync(key, EventTimeout, cancellationToken);
                samples.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
                puts.Add(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);

                // Negative when the event came before the put's answer.
                afterAnswer.Add(Stopwatch.GetElapsedTime(answered, arrived).TotalMilliseconds);
            }
            catch (CoordinationCallException ex)
            {
                if (missed++ == 0)
                {
                    Console.WriteLine($"{label}: first miss: {ex.Message}");
                }

                if (ex.Kind == "stream ended")
                {
                    break;
                }
            }
        }

        elapsed.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: the put's answer came after p50 {Percentiles.Median(puts):N2} ms, its event p50 {Percentiles.Median(afterAnswer):N2} ms after the answer"));
        var refused = missed == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"missed x {missed:N0}");
        return new ThroughputRound(label, 1, samples.Count, elapsed.Elapsed, Percentiles.Median(samples), Percentiles.Of(samples, 99), refused, null);
    }

    /// <summary>Puts probe keys until one comes back on the stream: the watch is registered on the server.</summary>
    private async Task WaitUntilDeliveringAsync(WatchStream watch, string prefix, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        for (var attempt = 0; elapsed.Elapsed < WatchReadyTimeout; attempt++)
        {
            var probe = prefix + "ready-" + attempt.ToString(CultureInfo.InvariantCulture);
            await api.PutAsync(probe, Value, cancellationToken);
            try
            {
                await watch.WaitForAsync(probe, TimeSpan.FromSeconds(1), cancellationToken);
                return;
            }
            catch (CoordinationCallException ex) when (ex.Kind == "timeout")
            {
                // Not registered yet: the next probe.
            }
        }

        throw new TimeoutException($"{api.Name}'s watch on '{prefix}' delivered none of its probe puts within {WatchReadyTimeout}.");
    }
}

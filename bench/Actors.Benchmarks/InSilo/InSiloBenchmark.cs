using System.Globalization;
using Actors.Benchmarks.Grains.Measurement;
using Actors.Benchmarks.Measurement;
using Actors.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Benchmarks.InSilo;

/// <summary>
/// In-silo grain call throughput and latency, 1 sequential caller and 64 callers on 64 grains, beside the
/// Channel-actor baseline measured in the same run (alternating rounds, medians), with fairness figures.
/// </summary>
public static class InSiloBenchmark
{
    private const int Callers = 64;

    public static async Task<string> RunAsync(TimeSpan roundDuration, int rounds)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.UseActorsSilo(silo => silo.AddGrain<PingGrain>());
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        using var stopActors = new CancellationTokenSource();
        var actors = Enumerable.Range(0, Callers).Select(_ => new ChannelActor(stopActors.Token)).ToArray();
        var pings = Enumerable.Range(0, Callers).Select(i => grains.GetGrain<IPingGrain>(i)).ToArray();

        const long Unbounded = long.MaxValue;
        Console.WriteLine($"warming up, then {rounds} alternating rounds of {roundDuration.TotalSeconds:N0} s per figure...");
        await LoadRunner.RunAsync("warmup grain", Callers, TimeSpan.FromSeconds(1), Unbounded, (c, n) => pings[c].PingAsync(n));
        await LoadRunner.RunAsync("warmup channel", Callers, TimeSpan.FromSeconds(1), Unbounded, (c, n) => actors[c].PingAsync(n));

        var (grainSequential, channelSequential) = await Rounds.AlternateAsync(
            rounds,
            () => LoadRunner.RunAsync("grain, sequential", 1, roundDuration, Unbounded, (_, n) => pings[0].PingAsync(n)),
            () => LoadRunner.RunAsync("channel actor, sequential", 1, roundDuration, Unbounded, (_, n) => actors[0].PingAsync(n)));
        Console.WriteLine(grainSequential);
        Console.WriteLine(channelSequential);

        var (grainParallel, channelParallel) = await Rounds.AlternateAsync(
            rounds,
            () => LoadRunner.RunAsync($"grain, {Callers} callers/grains", Callers, roundDuration, Unbounded, (c, n) => pings[c].PingAsync(n)),
            () => LoadRunner.RunAsync($"channel actor, {Callers} callers", Callers, roundDuration, Unbounded, (c, n) => actors[c].PingAsync(n)));
        Console.WriteLine(grainParallel);
        Console.WriteLine(channelParallel);

        await stopActors.CancelAsync();
        await host.StopAsync();
        return string.Create(CultureInfo.InvariantCulture,
            $"in-silo: sequential {grainSequential.CallsPerSecond:N0} calls/s (p50 {grainSequential.P50Micros:N1} µs, p99 {grainSequential.P99Micros:N1} µs), " +
            $"{Callers} callers {grainParallel.CallsPerSecond:N0} calls/s (p50 {grainParallel.P50Micros:N1} µs, p99 {grainParallel.P99Micros:N1} µs, " +
            $"fewest {grainParallel.FewestCallsByOneCaller:N0} vs mean {grainParallel.MeanCallsPerCaller:N0}, oldest in flight {grainParallel.OldestInFlightMillis:N2} ms); " +
            $"channel baseline sequential {channelSequential.CallsPerSecond:N0}/s, {Callers} callers {channelParallel.CallsPerSecond:N0}/s " +
            $"(fewest {channelParallel.FewestCallsByOneCaller:N0}, oldest {channelParallel.OldestInFlightMillis:N2} ms); " +
            $"ratio to baseline: sequential {grainSequential.CallsPerSecond / channelSequential.CallsPerSecond:N2}, {Callers} callers {grainParallel.CallsPerSecond / channelParallel.CallsPerSecond:N2}");
    }
}

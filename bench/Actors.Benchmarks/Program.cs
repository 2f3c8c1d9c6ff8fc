using System.Globalization;
using Actors.Benchmarks.Coordination;
using Actors.Benchmarks.CrossSilo;
using Actors.Benchmarks.InSilo;
using Actors.Benchmarks.Jobs;

// Usage: dotnet run -c Release --project bench/Actors.Benchmarks -- [in-silo|cross-silo|jobs|coordination] [--seconds N] [--rounds N] [--failover N]
// Every load loop is bounded in time (and the harness also in calls); everything talks to loopback only.
//   in-silo     one silo in this process (defaults: 2 s rounds, 5 rounds)
//   cross-silo  real silo processes on PostgreSQL, driven through the cluster client (defaults: 3 s rounds, 3 rounds,
//               5 failover samples; --failover 0 skips failover)
//   jobs        issue 4's jobs benchmark on silo processes, PostgreSQL and the Docker engine:
//               [--part a|b|c|all] [--seconds N] [--runs N] [--rounds N] [--jobs M] [--slots P] (see bench/README.md)
//   coordination issue 5's locks, puts and watches on a silo process beside etcd started on loopback:
//               [--seconds N] [--rounds N] [--clients C] [--warmup S] [--only etcd|actors] (see bench/README.md)
var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "in-silo";
var crossSilo = scenario == "cross-silo";
var runsProcesses = crossSilo || scenario is "jobs" or "coordination";
var seconds = Option("--seconds") ?? (crossSilo ? 3 : 2);
var rounds = Math.Clamp((int)(Option("--rounds") ?? (crossSilo ? 3 : 5)), 1, 21);
var failoverSamples = Math.Clamp((int)(Option("--failover") ?? 5), 0, 21);
var roundDuration = TimeSpan.FromSeconds(Math.Clamp(seconds, 0.5, 60));

// The cross-silo and jobs runs are bounded as a whole, and Ctrl+C cancels them instead of ending the process, so the
// processes they started are killed and their databases dropped on the way out.
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
if (runsProcesses)
{
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
}

var summary = scenario switch
{
    "in-silo" => await InSiloBenchmark.RunAsync(roundDuration, rounds),
    "cross-silo" => await CrossSiloBenchmark.RunAsync(roundDuration, rounds, failoverSamples, cancel.Token),
    "jobs" => await JobsBenchmark.RunAsync(args, cancel.Token),
    "coordination" => await CoordinationBenchmark.RunAsync(args, cancel.Token),

    // Internal: the other end of the cross-silo benchmark's raw TCP baseline, started by it as a child process.
    TcpEchoBaseline.ServerScenario => await TcpEchoBaseline.RunServerAsync((int)(Option("--port") ?? throw new ArgumentException("--port is required."))),
    _ => throw new ArgumentException($"Unknown scenario '{scenario}'. Known: in-silo, cross-silo, jobs, coordination."),
};

// The figures are the last line, for scripts and CI logs.
Console.WriteLine(summary);

double? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : null;
}

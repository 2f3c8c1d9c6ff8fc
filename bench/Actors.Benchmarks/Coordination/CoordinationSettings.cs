using Actors.Benchmarks.Measurement;

namespace Actors.Benchmarks.Coordination;

/// <summary>
/// The coordination benchmark's command line:
/// <c>coordination [--seconds N] [--rounds N] [--clients C] [--warmup N] [--only etcd|actors]</c>.
/// </summary>
/// <param name="Round">The length of each timed load (each figure of each side, in each round).</param>
/// <param name="Warmup">How long each side is warmed up (untimed loads) before the rounds.</param>
/// <param name="Rounds">Rounds of each side, alternating; the figures are the medians.</param>
/// <param name="Clients">Concurrent clients (C) of the lock and put loads.</param>
/// <param name="RunsEtcd">Whether etcd is measured.</param>
/// <param name="RunsActors">Whether the Actors silo is measured.</param>
internal sealed record CoordinationSettings(TimeSpan Round, TimeSpan Warmup, int Rounds, int Clients, bool RunsEtcd, bool RunsActors)
{
    /// <summary>The longest round: every session or lease (TTL 30 s) is created for one round and never renewed.</summary>
    public const int MaxRoundSeconds = 20;

    /// <summary>Reads the settings from the arguments after <c>coordination</c>; a wrong value throws with what is allowed.</summary>
    public static CoordinationSettings Parse(IReadOnlyList<string> args)
    {
        var only = BenchmarkArguments.Value(args, "--only");
        var (etcd, actors) = only switch
        {
            null => (true, true),
            "etcd" => (true, false),
            "actors" => (false, true),
            _ => throw new ArgumentException($"--only must be etcd or actors, not '{only}'."),
        };
        return new CoordinationSettings(
            TimeSpan.FromSeconds(BenchmarkArguments.Number(args, "--seconds", 3, 0.5, MaxRoundSeconds)),
            TimeSpan.FromSeconds(BenchmarkArguments.Number(args, "--warmup", 15, 0, 120)),
            (int)BenchmarkArguments.Number(args, "--rounds", 3, 1, 21),
            (int)BenchmarkArguments.Number(args, "--clients", 16, 1, 256),
            etcd,
            actors);
    }
}

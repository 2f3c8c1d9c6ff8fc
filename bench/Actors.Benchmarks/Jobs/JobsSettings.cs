using Actors.Benchmarks.Measurement;

namespace Actors.Benchmarks.Jobs;

/// <summary>
/// The jobs benchmark's command line: <c>jobs [--part a|b|c|all] [--seconds N] [--runs N] [--rounds N] [--jobs M] [--slots P]</c>.
/// </summary>
/// <param name="Parts">The parts to run ('a', 'b', 'c').</param>
/// <param name="Round">(b) The length of each round.</param>
/// <param name="Runs">(a) Measured sync runs of each side.</param>
/// <param name="Rounds">(b) and (c) Rounds of each side, alternating.</param>
/// <param name="Jobs">(c) Jobs per round.</param>
/// <param name="Slots">(c) Slots per node (P); the docker run baseline runs 2P at a time.</param>
internal sealed record JobsSettings(string Parts, TimeSpan Round, int Runs, int Rounds, int Jobs, int Slots)
{
    /// <summary>Reads the settings from the arguments after <c>jobs</c>; a wrong value throws with what is allowed.</summary>
    public static JobsSettings Parse(IReadOnlyList<string> args)
    {
        var part = BenchmarkArguments.Value(args, "--part") ?? "all";
        var parts = part switch
        {
            "all" => "abc",
            "a" or "b" or "c" => part,
            _ => throw new ArgumentException($"--part must be a, b, c or all, not '{part}'."),
        };
        return new JobsSettings(
            parts,
            TimeSpan.FromSeconds(BenchmarkArguments.Number(args, "--seconds", 5, 1, 120)),
            (int)BenchmarkArguments.Number(args, "--runs", 20, 1, 500),
            (int)BenchmarkArguments.Number(args, "--rounds", 3, 1, 21),
            (int)BenchmarkArguments.Number(args, "--jobs", 60, 1, 1000),
            (int)BenchmarkArguments.Number(args, "--slots", 4, 1, 64));
    }

    public bool Has(char part) => Parts.Contains(part, StringComparison.Ordinal);
}

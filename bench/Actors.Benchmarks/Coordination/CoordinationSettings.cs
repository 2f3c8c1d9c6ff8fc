using System.Globalization;

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
        var only = Value(args, "--only");
        var (etcd, actors) = only switch
        {
            null => (true, true),
            "etcd" => (true, false),
            "actors" => (false, true),
            _ => throw new ArgumentException($"--only must be etcd or actors, not '{only}'."),
        };
        return new CoordinationSettings(
            TimeSpan.FromSeconds(Number(args, "--seconds", 3, 0.5, MaxRoundSeconds)),
            TimeSpan.FromSeconds(Number(args, "--warmup", 15, 0, 120)),
            (int)Number(args, "--rounds", 3, 1, 21),
            (int)Number(args, "--clients", 16, 1, 256),
            etcd,
            actors);
    }

    private static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name)
            {
                return i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{name} needs a value.");
            }
        }

        return null;
    }

    private static double Number(IReadOnlyList<string> args, string name, double fallback, double min, double max)
    {
        if (Value(args, name) is not { } text)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number from {min} to {max}, not '{text}'."));
    }
}

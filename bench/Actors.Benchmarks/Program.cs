using System.Globalization;
using Actors.Benchmarks.InSilo;

// Usage: dotnet run -c Release --project bench/Actors.Benchmarks -- [in-silo] [--seconds N] [--rounds N]
// Every load loop is bounded in time (and the harness also in calls); everything runs in this process on loopback.
var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "in-silo";
var seconds = Option("--seconds", 2);
var rounds = (int)Option("--rounds", 5);
var roundDuration = TimeSpan.FromSeconds(Math.Clamp(seconds, 0.5, 60));

var summary = scenario switch
{
    "in-silo" => await InSiloBenchmark.RunAsync(roundDuration, Math.Clamp(rounds, 1, 21)),
    _ => throw new ArgumentException($"Unknown scenario '{scenario}'. Known: in-silo."),
};

// The figures are the last line, for scripts and CI logs.
Console.WriteLine(summary);

double Option(string name, double fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

using System.Globalization;
using Actors.Benchmarks.InSilo;

// Usage: dotnet run -c Release --project bench/Actors.Benchmarks -- [in-silo] [--seconds N]
var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "in-silo";
var secondsIndex = Array.IndexOf(args, "--seconds");
var seconds = secondsIndex >= 0 && secondsIndex + 1 < args.Length ? double.Parse(args[secondsIndex + 1], CultureInfo.InvariantCulture) : 5;
var duration = TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 120));

var summary = scenario switch
{
    "in-silo" => await InSiloBenchmark.RunAsync(duration),
    _ => throw new ArgumentException($"Unknown scenario '{scenario}'. Known: in-silo."),
};

// The figures are the last line, for scripts and CI logs.
Console.WriteLine(summary);

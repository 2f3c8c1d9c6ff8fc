namespace Actors.Benchmarks.Grains;

/// <summary>One closed-loop load run a driver grain makes from its silo.</summary>
/// <param name="Name">The label of the run in the printed figures.</param>
/// <param name="Callers">Concurrent callers; caller i calls ping grain <c>FirstKey + i</c> only.</param>
/// <param name="Seconds">How long the run lasts.</param>
/// <param name="FirstKey">The key of the first target grain.</param>
/// <param name="MaxCallsPerCaller">A bound on each caller's calls besides the time.</param>
public sealed record LoadSpec(string Name, int Callers, double Seconds, long FirstKey, long MaxCallsPerCaller);

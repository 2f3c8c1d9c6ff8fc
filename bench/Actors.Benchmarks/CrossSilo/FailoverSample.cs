namespace Actors.Benchmarks.CrossSilo;

/// <summary>
/// One failover: the time from SIGKILL of the silo a grain lived on to the first call of it that succeeded, every
/// attempt before it (its outcome and when it ended, from the kill) and where the grain answered from.
/// </summary>
internal sealed record FailoverSample(TimeSpan Elapsed, IReadOnlyList<(string Outcome, TimeSpan EndedAt)> Attempts, string AnsweredFrom);

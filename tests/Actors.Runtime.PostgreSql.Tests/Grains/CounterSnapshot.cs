namespace Actors.Runtime.PostgreSql.Tests.Grains;

/// <summary>What a counter grain holds and the ETag of its stored state.</summary>
public sealed record CounterSnapshot(int Value, string? ETag, bool RecordExists);

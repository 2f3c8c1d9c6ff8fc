namespace Actors.GrainInterfaces.Coordination.KeyValue;

/// <summary>A key as stored.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value.</param>
/// <param name="CreateRevision">The revision that created it (since it last did not exist).</param>
/// <param name="ModRevision">The revision that last changed it (what compare-and-set compares).</param>
/// <param name="Version">How many times it was written since it was created (1 after the create).</param>
/// <param name="SessionId">The session of an ephemeral key; null for a lasting one.</param>
public sealed record KvEntry(string Key, byte[] Value, long CreateRevision, long ModRevision, long Version, string? SessionId);

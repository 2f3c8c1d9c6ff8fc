namespace Actors.GrainInterfaces.Coordination.KeyValue;

/// <summary>The answer to a put or delete.</summary>
/// <param name="Outcome">Written, or why not.</param>
/// <param name="Revision">The store's revision after the call (the write's own revision when written).</param>
/// <param name="Current">The key as it is after the call (null when it does not exist): on a lost compare-and-set, the entry that won.</param>
public sealed record KvWriteResult(KvWriteOutcome Outcome, long Revision, KvEntry? Current);

namespace Actors.GrainInterfaces.Coordination.KeyValue;

/// <summary>A page of a prefix range.</summary>
/// <param name="Entries">The keys, in ordinal order.</param>
/// <param name="More">True when keys follow the last one (ask again with it as <c>after</c>).</param>
/// <param name="Revision">The store's revision the read saw.</param>
public sealed record KvRangeResult(IReadOnlyList<KvEntry> Entries, bool More, long Revision);

using Actors.GrainInterfaces.Coordination.KeyValue;

namespace Actors.Grains.Coordination.KeyValue;

/// <summary>What a key/value store holds: every key and the revision of its last change.</summary>
/// <param name="Entries">Every key, in no particular order.</param>
/// <param name="Revision">The revision of the last committed change (0 for a new store).</param>
public sealed record KvStoreState(IReadOnlyList<KvEntry> Entries, long Revision);

namespace Actors.GrainInterfaces.Coordination.KeyValue;

/// <summary>One key read.</summary>
/// <param name="Entry">The key, or null when it does not exist.</param>
/// <param name="Revision">The store's revision the read saw.</param>
public sealed record KvGetResult(KvEntry? Entry, long Revision);

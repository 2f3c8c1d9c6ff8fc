namespace Actors.GrainInterfaces.Coordination.KeyValue;

/// <summary>One change, as watchers see it.</summary>
/// <param name="Revision">The change's revision (each change has its own).</param>
/// <param name="Type">Put or delete.</param>
/// <param name="Key">The key.</param>
/// <param name="Entry">The key after a put; null after a delete.</param>
public sealed record KvEvent(long Revision, KvEventType Type, string Key, KvEntry? Entry);

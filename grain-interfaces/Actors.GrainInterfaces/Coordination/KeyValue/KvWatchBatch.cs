namespace Actors.GrainInterfaces.Coordination.KeyValue;

/// <summary>The answer to a watch.</summary>
/// <param name="Events">The matching changes with revisions in [FromRevision, <paramref name="NextRevision"/>), in order; empty after a wait that saw none.</param>
/// <param name="NextRevision">Where to resume: the next watch's FromRevision.</param>
/// <param name="CompactedRevision">
/// Set when FromRevision is older than the retained history: no events, and the oldest revision one may resume
/// from is this + 1 (etcd's "compacted" error; HTTP 410).
/// </param>
public sealed record KvWatchBatch(IReadOnlyList<KvEvent> Events, long NextRevision, long? CompactedRevision);

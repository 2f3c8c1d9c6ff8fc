namespace Actors.Silo.Endpoints.Coordination.KeyValue;

/// <summary>The answer to a put (with the entry) or a delete (entry null).</summary>
/// <param name="Revision">The write's revision.</param>
/// <param name="Entry">The entry as written; null after a delete.</param>
internal sealed record KvWriteResponse(long Revision, KvEntryResponse? Entry);

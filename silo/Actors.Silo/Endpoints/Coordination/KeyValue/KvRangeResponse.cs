namespace Actors.Silo.Endpoints.Coordination.KeyValue;

/// <summary>The answer to <c>GET /v1/kv/{prefix}?prefix=true</c>.</summary>
/// <param name="Entries">The keys in ordinal order.</param>
/// <param name="More">True when more keys follow: ask again with <c>after</c> = the last key.</param>
/// <param name="Revision">The store's revision when read.</param>
internal sealed record KvRangeResponse(IReadOnlyList<KvEntryResponse> Entries, bool More, long Revision);

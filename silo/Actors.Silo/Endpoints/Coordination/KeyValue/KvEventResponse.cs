using Actors.GrainInterfaces.Coordination.KeyValue;

namespace Actors.Silo.Endpoints.Coordination.KeyValue;

/// <summary>One change in a watch stream (the data of a <c>put</c> or <c>delete</c> event).</summary>
/// <param name="Revision">The change's revision (also the event id).</param>
/// <param name="Type"><c>put</c> or <c>delete</c>.</param>
/// <param name="Key">The key.</param>
/// <param name="Entry">The entry after a put; null after a delete.</param>
internal sealed record KvEventResponse(long Revision, string Type, string Key, KvEntryResponse? Entry)
{
    /// <summary>The event name of <paramref name="type"/>.</summary>
    public static string NameOf(KvEventType type) => type == KvEventType.Delete ? "delete" : "put";

    /// <summary>The API's view of <paramref name="change"/>.</summary>
    public static KvEventResponse From(KvEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new KvEventResponse(change.Revision, NameOf(change.Type), change.Key, KvEntryResponse.FromNullable(change.Entry));
    }
}

using System.Collections.Concurrent;

namespace Actors.Runtime.Storage;

/// <summary>
/// The records of in-memory grain storage: serialized state with a version per (state name, grain). One per
/// silo by default; a test cluster shares one between its in-process silos, as a database would be shared.
/// </summary>
public sealed class InMemoryGrainStore
{
    internal ConcurrentDictionary<(string StateName, GrainId GrainId), StoredRecord> Records { get; } = new();

    /// <summary>A stored version; a null payload is a cleared record (a tombstone that keeps the version counting).</summary>
    internal sealed record StoredRecord(byte[]? Payload, long Version)
    {
        public bool Exists => Payload is not null;
    }
}

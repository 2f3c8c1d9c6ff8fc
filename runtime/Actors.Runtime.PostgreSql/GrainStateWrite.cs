namespace Actors.Runtime.PostgreSql;

/// <summary>One caller's write of grain state, as <see cref="PostgreSqlGrainStorage"/> batches it.</summary>
/// <param name="StateName">The state's name.</param>
/// <param name="GrainId">The grain.</param>
/// <param name="Payload">The state as UTF-8 JSON.</param>
/// <param name="HeldVersion">The version the writer holds (its ETag); null to create the record or replace a tombstone.</param>
internal readonly record struct GrainStateWrite(string StateName, GrainId GrainId, ReadOnlyMemory<byte> Payload, long? HeldVersion)
{
    /// <summary>The row this write targets within the cluster: two writes with equal keys never share a statement.</summary>
    public (string StateName, string GrainType, string GrainKey) Key => (StateName, GrainId.Type.Value, GrainId.Key);
}

namespace Actors.GrainInterfaces.Coordination.KeyValue;

/// <summary>A write of one key.</summary>
/// <param name="Key">The key (1 to <see cref="KvLimits.MaxKeyBytes"/> UTF-8 bytes).</param>
/// <param name="Value">The value (up to <see cref="KvLimits.MaxValueBytes"/>).</param>
/// <param name="ExpectedRevision">
/// Compare-and-set: write only if the key's modification revision is this (0 = only if the key does not exist); null
/// writes unconditionally.
/// </param>
/// <param name="SessionId">Makes the key ephemeral: it is deleted when the session ends. Null for a lasting key.</param>
public sealed record KvPut(string Key, byte[] Value, long? ExpectedRevision, string? SessionId);

namespace Actors.Grains.Coordination.KeyValue;

/// <summary>Stable log event ids of the key/value store grain, 7350-7369.</summary>
internal static class KeyValueEventIds
{
    public const int Loaded = 7350;
    public const int CommitFailed = 7351;
    public const int SessionKeysDeleted = 7352;
    public const int SessionCheckFailed = 7353;
}

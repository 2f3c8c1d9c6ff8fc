namespace Actors.GrainInterfaces.Coordination.KeyValue;

/// <summary>Bounds on keys, values and watches.</summary>
public static class KvLimits
{
    /// <summary>The longest key, in UTF-8 bytes.</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>The largest value.</summary>
    public const int MaxValueBytes = 1024 * 1024;

    /// <summary>The most events one watch answer carries.</summary>
    public const int MaxWatchEvents = 1000;

    /// <summary>The most keys one range page carries.</summary>
    public const int MaxRangeLimit = 1000;

    /// <summary>The longest wait of one watch call.</summary>
    public static readonly TimeSpan MaxWatchWait = TimeSpan.FromMinutes(1);
}

namespace Actors.Grains.Coordination.KeyValue;

/// <summary>Settings of the key/value store (section <c>Actors:KeyValue</c>).</summary>
public sealed class KeyValueStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Actors:KeyValue";

    /// <summary>The history of how many of the latest revisions is kept for watches (1 to 100,000,000). Default 100,000.</summary>
    public long HistoryRetention { get; set; } = 100_000;

    /// <summary>Throws when the settings are out of range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (HistoryRetention is < 1 or > 100_000_000)
        {
            throw new ArgumentException($"The key/value store's HistoryRetention must be 1 to 100,000,000; it is {HistoryRetention}.");
        }
    }
}

namespace Actors.Grains.Coordination.KeyValue;

/// <summary>Which changes a watch of a key or a prefix wants.</summary>
internal static class KvHistoryFilter
{
    /// <summary>True when the change of <paramref name="changedKey"/> is one a watch of <paramref name="key"/> wants.</summary>
    public static bool Matches(string changedKey, string key, bool isPrefix) =>
        isPrefix ? changedKey.StartsWith(key, StringComparison.Ordinal) : string.Equals(changedKey, key, StringComparison.Ordinal);
}

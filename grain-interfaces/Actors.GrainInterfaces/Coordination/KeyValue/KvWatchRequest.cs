namespace Actors.GrainInterfaces.Coordination.KeyValue;

/// <summary>What a watch wants.</summary>
/// <param name="Key">The key, or the prefix when <paramref name="IsPrefix"/>.</param>
/// <param name="IsPrefix">Watch every key starting with <paramref name="Key"/> (an empty prefix watches everything).</param>
/// <param name="FromRevision">The first revision wanted (inclusive); resume with the last seen revision + 1.</param>
/// <param name="MaxWait">How long to wait for a first change; zero answers at once.</param>
/// <param name="MaxEvents">The most events in one answer.</param>
public sealed record KvWatchRequest(string Key, bool IsPrefix, long FromRevision, TimeSpan MaxWait, int MaxEvents);

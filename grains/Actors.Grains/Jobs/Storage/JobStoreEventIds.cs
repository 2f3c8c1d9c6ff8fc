namespace Actors.Grains.Jobs.Storage;

/// <summary>
/// Stable log event ids of the job stores, in the range 7100-7199: 7100-7109 here (the in-memory store), 7110-7199
/// in Actors.Grains.PostgreSql (PostgreSqlJobStoreEventIds), so logs can be filtered and alerted on by id.
/// </summary>
internal static class JobStoreEventIds
{
    public const int InMemory = 7100;
}

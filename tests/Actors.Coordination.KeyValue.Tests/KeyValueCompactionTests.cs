using Actors.GrainInterfaces.Coordination.KeyValue;

namespace Actors.Coordination.KeyValue.Tests;

/// <summary>History older than the retained revisions is gone: watches from it answer CompactedRevision.</summary>
public sealed class KeyValueCompactionTests : KeyValueClusterTestBase
{
    protected override long HistoryRetention => 10;

    [Fact]
    public async Task WatchFromACompactedRevision_AnswersCompactedRevision_AndTheRetainedOnesReplay()
    {
        for (var i = 1; i <= 30; i++)
        {
            await PutAsync("c", $"{i}");
        }

        var compacted = await Kv.WatchAsync(new KvWatchRequest("c", false, 5, TimeSpan.FromSeconds(5), 100));
        Assert.Empty(compacted.Events);
        Assert.Equal(20, compacted.CompactedRevision);
        Assert.Equal(21, compacted.NextRevision);

        await RestartAsync();
        var retained = await Kv.WatchAsync(new KvWatchRequest("c", false, 21, TimeSpan.Zero, 100));
        Assert.Equal(Enumerable.Range(21, 10).Select(i => (long)i), retained.Events.Select(e => e.Revision));
        Assert.Equal(20, (await Kv.WatchAsync(new KvWatchRequest("c", false, 20, TimeSpan.Zero, 100))).CompactedRevision);
    }
}

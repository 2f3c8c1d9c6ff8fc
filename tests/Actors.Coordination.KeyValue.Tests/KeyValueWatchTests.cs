using Actors.GrainInterfaces.Coordination.KeyValue;

namespace Actors.Coordination.KeyValue.Tests;

/// <summary>Watches: replay from a past revision, long polls, resumption across a reactivation.</summary>
public sealed class KeyValueWatchTests : KeyValueClusterTestBase
{
    [Fact]
    public async Task WatchFromAPastRevision_ReplaysExactlyTheMatchingChangesInOrder()
    {
        await PutAsync("w/a", "1");
        await PutAsync("x", "2");
        await PutAsync("w/b", "3");
        await Kv.DeleteAsync("w/a", null);
        await PutAsync("w/b", "4");

        var prefix = await Kv.WatchAsync(new KvWatchRequest("w/", true, 2, TimeSpan.Zero, 100));
        var key = await Kv.WatchAsync(new KvWatchRequest("w/b", false, 1, TimeSpan.Zero, 1));

        Assert.Equal([(3L, KvEventType.Put, "w/b"), (4L, KvEventType.Delete, "w/a"), (5L, KvEventType.Put, "w/b")], prefix.Events.Select(e => (e.Revision, e.Type, e.Key)));
        Assert.Equal("4", Text(prefix.Events[2].Entry!.Value));
        Assert.Equal(6, prefix.NextRevision);
        Assert.Null(prefix.CompactedRevision);
        Assert.Equal([3L], key.Events.Select(e => e.Revision));
        Assert.Equal(4, key.NextRevision);
    }

    [Fact]
    public async Task LongPoll_AnswersWithTheFirstChange()
    {
        await PutAsync("lp", "0");
        var watch = Kv.WatchAsync(new KvWatchRequest("lp", false, 2, TimeSpan.FromSeconds(30), 10));
        await PutAsync("other", "1");
        Assert.False(watch.IsCompleted);

        await PutAsync("lp", "2");

        var batch = await watch.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        Assert.Equal([3L], batch.Events.Select(e => e.Revision));
        Assert.Equal(4, batch.NextRevision);
    }

    [Fact]
    public async Task AWatcher_SeesEveryRevisionOnce_AcrossAReactivation()
    {
        var seen = new List<long>();
        var next = 1L;
        for (var i = 1; i <= 20; i++)
        {
            await PutAsync($"r/{i % 3}", $"{i}");
            if (i % 7 == 0)
            {
                next = await DrainAsync(next, seen);
            }

            if (i == 10)
            {
                await RestartAsync();
            }
        }

        await Kv.DeleteAsync("r/1", null);
        await RestartAsync();
        next = await DrainAsync(next, seen);

        Assert.Equal(Enumerable.Range(1, 21).Select(i => (long)i), seen);
        Assert.Equal(22, next);
        Assert.Equal(21, (await Kv.GetAsync("r/0")).Revision);
    }

    private async Task<long> DrainAsync(long from, List<long> seen)
    {
        while (true)
        {
            var batch = await Kv.WatchAsync(new KvWatchRequest("r/", true, from, TimeSpan.Zero, 4));
            seen.AddRange(batch.Events.Select(e => e.Revision));
            if (batch.Events.Count == 0)
            {
                return batch.NextRevision;
            }

            from = batch.NextRevision;
        }
    }
}

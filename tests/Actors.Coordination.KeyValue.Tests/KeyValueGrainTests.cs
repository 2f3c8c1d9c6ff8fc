using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.Grains.Coordination.KeyValue;
using Actors.TestKit;

namespace Actors.Coordination.KeyValue.Tests;

/// <summary>The store grain's reads, writes, compare-and-set, ephemeral keys and argument checks on a one-silo cluster.</summary>
public sealed class KeyValueGrainTests : KeyValueClusterTestBase
{
    [Fact]
    public async Task PutGetDeleteRange_EachChangeTakesTheNextRevision()
    {
        var a = await PutAsync("app/a", "1");
        var b = await PutAsync("app/b", "2");
        var a2 = await PutAsync("app/a", "3");
        await PutAsync("other", "x");
        var deleted = await Kv.DeleteAsync("app/b", null);
        var missing = await Kv.DeleteAsync("app/b", null);

        Assert.Equal([1L, 2, 3, 5], [a.Revision, b.Revision, a2.Revision, deleted.Revision]);
        Assert.Equal(KvWriteOutcome.Written, deleted.Outcome);
        Assert.Equal(KvWriteOutcome.NotFound, missing.Outcome);
        Assert.Equal(5, missing.Revision);
        var get = await Kv.GetAsync("app/a");
        Assert.Equal(5, get.Revision);
        Assert.Equal("3", Text(get.Entry!.Value));
        Assert.Equal((1L, 3L, 2L), (get.Entry.CreateRevision, get.Entry.ModRevision, get.Entry.Version));
        Assert.Null((await Kv.GetAsync("app/b")).Entry);
        var range = await Kv.RangeAsync("app/", null, 10);
        Assert.Equal(["app/a"], range.Entries.Select(e => e.Key));
        Assert.False(range.More);
    }

    [Fact]
    public async Task Range_PagesInOrdinalOrder()
    {
        foreach (var key in new[] { "p/b", "p/a", "p/C", "p/aa", "q", "o", "p/" })
        {
            await PutAsync(key, key);
        }

        var first = await Kv.RangeAsync("p/", null, 3);
        var second = await Kv.RangeAsync("p/", first.Entries[^1].Key, 3);

        Assert.Equal(["p/", "p/C", "p/a"], first.Entries.Select(e => e.Key));
        Assert.True(first.More);
        Assert.Equal(["p/aa", "p/b"], second.Entries.Select(e => e.Key));
        Assert.False(second.More);
        Assert.Equal(7, (await Kv.RangeAsync(string.Empty, null, 100)).Entries.Count);
    }

    [Fact]
    public async Task CompareAndSet_FiftyConcurrentWritersOfOneRevision_ExactlyOneWins()
    {
        var created = await PutAsync("cas", "start", expected: 0);
        var again = await PutAsync("cas", "again", expected: 0);
        Assert.Equal(KvWriteOutcome.Written, created.Outcome);
        Assert.Equal(KvWriteOutcome.RevisionMismatch, again.Outcome);
        Assert.Equal("start", Text(again.Current!.Value));

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => PutAsync("cas", $"w{i}", expected: created.Revision)));

        var winner = Assert.Single(results, r => r.Outcome == KvWriteOutcome.Written);
        Assert.All(results.Where(r => r != winner), r => Assert.Equal(KvWriteOutcome.RevisionMismatch, r.Outcome));
        Assert.All(results.Where(r => r != winner), r => Assert.Equal(winner.Current!.ModRevision, r.Current!.ModRevision));
        var stored = (await Kv.GetAsync("cas")).Entry!;
        Assert.Equal(Text(winner.Current!.Value), Text(stored.Value));
        Assert.Equal(2, stored.Version);
        Assert.Equal(KvWriteOutcome.RevisionMismatch, (await Kv.DeleteAsync("cas", created.Revision)).Outcome);
        Assert.Equal(KvWriteOutcome.Written, (await Kv.DeleteAsync("cas", stored.ModRevision)).Outcome);
    }

    [Fact]
    public async Task ConcurrentPuts_GetConsecutiveRevisions_AndAllAreStored()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => PutAsync($"k/{i:D3}", $"{i}")));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), results.Select(r => r.Revision).Order());
        Assert.Equal(200, ((InMemoryKeyValueStore)Store).CommittedChanges);
        Assert.Equal(200, (await Kv.RangeAsync("k/", null, 1000)).Entries.Count);
    }

    [Fact]
    public async Task EphemeralKeys_AreDeletedWhenTheirSessionCloses_EachDeleteAChangeWatchersSee()
    {
        var session = Cluster.GrainFactory.GetGrain<ISessionGrain>("s1");
        await session.CreateAsync(TimeSpan.FromSeconds(10), "tester");
        await PutAsync("eph/a", "1", session: "s1");
        await PutAsync("eph/b", "2", session: "s1");
        await PutAsync("eph/lasting", "3");

        Assert.True(await session.CloseAsync());

        var range = await Kv.RangeAsync("eph/", null, 10);
        Assert.Equal(["eph/lasting"], range.Entries.Select(e => e.Key));
        var watch = await Kv.WatchAsync(new KvWatchRequest("eph/", true, 4, TimeSpan.Zero, 100));
        Assert.Equal([(4L, KvEventType.Delete, "eph/a"), (5L, KvEventType.Delete, "eph/b")], watch.Events.Select(e => (e.Revision, e.Type, e.Key)));
        Assert.Equal(6, watch.NextRevision);
        Assert.Equal(KvWriteOutcome.SessionUnknown, (await PutAsync("eph/c", "4", session: "s1")).Outcome);
        Assert.Equal(KvWriteOutcome.SessionUnknown, (await PutAsync("eph/c", "4", session: "never-created")).Outcome);
        Assert.Null((await Kv.GetAsync("eph/c")).Entry);
    }

    [Fact]
    public async Task EphemeralKeysOfASessionGoneAfterAReactivation_AreDeletedAtTheNextRefresh()
    {
        await Cluster.GrainFactory.GetGrain<ISessionGrain>("s2").CreateAsync(TimeSpan.FromSeconds(10), null);
        await PutAsync("gone/a", "1", session: "s2");
        await PutAsync("gone/lasting", "2");

        // The test's sessions live in memory: after the restart "s2" is unknown, as an expired session would be.
        await RestartAsync();
        Assert.NotNull((await Kv.GetAsync("gone/a")).Entry);

        await Poll.UntilAsync(async () => (await Kv.GetAsync("gone/a")).Entry is null, TimeSpan.FromSeconds(15), "the ephemeral key to be deleted", Cancel);
        var watch = await Kv.WatchAsync(new KvWatchRequest("gone/", true, 3, TimeSpan.Zero, 10));
        Assert.Equal([(3L, KvEventType.Delete, "gone/a")], watch.Events.Select(e => (e.Revision, e.Type, e.Key)));
        Assert.NotNull((await Kv.GetAsync("gone/lasting")).Entry);
    }

    [Fact]
    public async Task BadArguments_AreArgumentExceptions()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => PutAsync(string.Empty, "v"));
        await Assert.ThrowsAsync<ArgumentException>(() => PutAsync(new string('k', KvLimits.MaxKeyBytes + 1), "v"));
        await Assert.ThrowsAsync<ArgumentException>(() => Kv.PutAsync(new KvPut("k", new byte[KvLimits.MaxValueBytes + 1], null, null)));
        await Assert.ThrowsAsync<ArgumentException>(() => PutAsync("k", "v", expected: -1));
        await Assert.ThrowsAsync<ArgumentException>(() => Kv.RangeAsync("p", null, 0));
        await Assert.ThrowsAsync<ArgumentException>(() => Kv.WatchAsync(new KvWatchRequest("k", false, 0, TimeSpan.Zero, 10)));
        await Assert.ThrowsAsync<ArgumentException>(() => Kv.WatchAsync(new KvWatchRequest("k", false, 1, TimeSpan.FromHours(1), 10)));
        await Assert.ThrowsAsync<ArgumentException>(() => Kv.WatchAsync(new KvWatchRequest("k", false, 1, TimeSpan.Zero, KvLimits.MaxWatchEvents + 1)));
        Assert.Equal(0, (await Kv.GetAsync("k")).Revision);
    }
}

using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.Grains.Coordination.KeyValue;
using Actors.TestKit;

namespace Actors.Coordination.KeyValue.Tests;

/// <summary>A failed commit fails its change, the grain reloads, and the store goes on from the last committed revision.</summary>
public sealed class KeyValueCommitFailureTests : KeyValueClusterTestBase
{
    private FailingKeyValueStore _failing = null!;

    protected override ValueTask<IKeyValueStore> CreateStoreAsync()
    {
        _failing = new FailingKeyValueStore(new InMemoryKeyValueStore());
        return ValueTask.FromResult<IKeyValueStore>(_failing);
    }

    [Fact]
    public async Task AFailedCommit_FailsThePut_ThenTheStoreReloadsAndContinuesWithoutAGap()
    {
        await PutAsync("a", "1");
        _failing.FailAt(2);

        await Assert.ThrowsAsync<InvalidOperationException>(() => PutAsync("a", "lost"));

        KvWriteResult? next = null;
        await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    next = await PutAsync("b", "2");
                    return true;
                }
                catch (InvalidOperationException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(20),
            "the store to take changes again",
            Cancel);

        Assert.Equal(2, next!.Revision);
        Assert.Equal(2, _failing.Loads);
        Assert.Equal("1", Text((await Kv.GetAsync("a")).Entry!.Value));
        var watch = await Kv.WatchAsync(new KvWatchRequest(string.Empty, true, 1, TimeSpan.Zero, 10));
        Assert.Equal([(1L, "a"), (2L, "b")], watch.Events.Select(e => (e.Revision, e.Key)));
    }
}

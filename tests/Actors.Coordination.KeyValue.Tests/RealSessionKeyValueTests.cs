using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.GrainInterfaces.Serialization;
using Actors.Grains.Coordination.KeyValue;
using Actors.Runtime.Hosting;
using Actors.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Coordination.KeyValue.Tests;

/// <summary>Ephemeral keys with the real session grain (every grain of Actors.Grains registered, as a silo does).</summary>
public sealed class RealSessionKeyValueTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var options = new TestClusterOptions
        {
            ConfigureSilo = silo =>
            {
                silo.AddGrains(typeof(IKeyValueStore).Assembly);
                silo.AddJsonTypeInfoResolver(GrainInterfacesJsonContext.Default);
            },
            ConfigureServices = services => services.AddInMemoryKeyValueStore(),
        };
        _cluster = await TestCluster.StartAsync(options, Cancel);
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task ClosingARealSession_DeletesItsEphemeralKeys()
    {
        var kv = _cluster.GrainFactory.GetGrain<IKeyValueGrain>(IKeyValueGrain.DefaultName);
        var session = _cluster.GrainFactory.GetGrain<ISessionGrain>("real-1");
        await session.CreateAsync(TimeSpan.FromSeconds(30), "tester");
        var put = await kv.PutAsync(new KvPut("svc/a", [1], null, "real-1"));
        Assert.Equal(KvWriteOutcome.Written, put.Outcome);

        Assert.True(await session.CloseAsync());

        await Poll.UntilAsync(async () => (await kv.GetAsync("svc/a")).Entry is null, TimeSpan.FromSeconds(10), "the ephemeral key to go", Cancel);
        var watch = await kv.WatchAsync(new KvWatchRequest("svc/", true, 2, TimeSpan.Zero, 10));
        Assert.Equal([(2L, KvEventType.Delete)], watch.Events.Select(e => (e.Revision, e.Type)));
        Assert.Equal(KvWriteOutcome.SessionUnknown, (await kv.PutAsync(new KvPut("svc/b", [2], null, "real-1"))).Outcome);
    }
}

using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.GrainInterfaces.Serialization;
using Actors.Grains.Containers;
using Actors.Runtime.Hosting;
using Actors.TestKit;

namespace Actors.Coordination.Tests;

/// <summary>A one-silo in-process cluster running the coordination grains on the in-memory storage it shares across restarts.</summary>
public abstract class CoordinationTestBase : IAsyncLifetime
{
    /// <summary>Long enough that a test never sees a session expire unless it means to.</summary>
    protected static readonly TimeSpan LongTtl = TimeSpan.FromMinutes(5);

    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    protected TestCluster Cluster { get; private set; } = null!;

    protected IGrainFactory Grains => Cluster.GrainFactory;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var options = new TestClusterOptions
        {
            ConfigureSilo = silo =>
            {
                silo.AddGrains(typeof(IContainerRuntime).Assembly);
                silo.AddJsonTypeInfoResolver(GrainInterfacesJsonContext.Default);
            },
        };
        Cluster = await TestCluster.StartAsync(options, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates a session with <paramref name="ttl"/> (default: one that outlives the test).</summary>
    protected async Task<string> SessionAsync(string id, TimeSpan? ttl = null)
    {
        var info = await Grains.GetGrain<ISessionGrain>(id).CreateAsync(ttl ?? LongTtl, "test " + id);
        Assert.Equal(id, info.Id);
        return id;
    }

    /// <summary>Restarts the only silo: every activation ends and the next call reads what was stored.</summary>
    protected async Task RestartClusterAsync() => await Cluster.RestartSiloAsync(Cluster.Silos[0], Cancel);
}

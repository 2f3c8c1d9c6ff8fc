using System.Text;
using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.GrainInterfaces.Serialization;
using Actors.Grains.Coordination.KeyValue;
using Actors.Runtime.Hosting;
using Actors.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Coordination.KeyValue.Tests;

/// <summary>A one-silo cluster running the key/value store grain on an in-memory store that outlives silo restarts.</summary>
public abstract class KeyValueClusterTestBase : IAsyncLifetime
{
    /// <summary>The grain class is internal to Actors.Grains; registering it alone keeps other grains (the real sessions) out.</summary>
    private static readonly Type KeyValueGrainClass =
        typeof(IKeyValueStore).Assembly.GetType("Actors.Grains.Coordination.KeyValue.KeyValueGrain", throwOnError: true)!;

    internal IKeyValueStore Store { get; private set; } = null!;

    protected TestCluster Cluster { get; private set; } = null!;

    protected IKeyValueGrain Kv => Cluster.GrainFactory.GetGrain<IKeyValueGrain>(IKeyValueGrain.DefaultName);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected virtual long HistoryRetention => 100_000;

    public async ValueTask InitializeAsync()
    {
        var store = await CreateStoreAsync();
        Store = store;
        var options = new TestClusterOptions
        {
            ConfigureSilo = silo =>
            {
                silo.AddGrain(KeyValueGrainClass);
                silo.AddGrain<FakeSessionGrain>();
                silo.AddJsonTypeInfoResolver(GrainInterfacesJsonContext.Default);
            },
            ConfigureServices = services =>
            {
                services.AddSingleton<IKeyValueStore>(store);
                services.AddInMemoryKeyValueStore();
            },
        };
        Cluster = await TestCluster.StartAsync(options, Cancel);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The store the silos share (and that outlives their restarts): in memory unless overridden.</summary>
    protected virtual ValueTask<IKeyValueStore> CreateStoreAsync() => ValueTask.FromResult<IKeyValueStore>(new InMemoryKeyValueStore(HistoryRetention));

    /// <summary>Stops the silo and starts a new one: the store grain reactivates from the store.</summary>
    protected async Task RestartAsync() => await Cluster.RestartSiloAsync(Cluster.Silos[0], Cancel);

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(byte[] value) => Encoding.UTF8.GetString(value);

    protected async Task<KvWriteResult> PutAsync(string key, string value, long? expected = null, string? session = null) =>
        await Kv.PutAsync(new KvPut(key, Bytes(value), expected, session));
}

using Actors.GrainInterfaces.Coordination.Discovery;
using Actors.GrainInterfaces.Serialization;
using Actors.Grains.Coordination.Discovery;
using Actors.Runtime.Hosting;
using Actors.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Coordination.Discovery.Tests;

/// <summary>One in-process silo with the coordination grains; the discovery grain judges health by a manual clock.</summary>
public abstract class DiscoveryTestBase : IAsyncLifetime
{
    protected static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(20);

    internal ManualClock Clock { get; } = new();

    protected TestCluster Cluster { get; private set; } = null!;

    protected IGrainFactory Grains => Cluster.GrainFactory;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var options = new TestClusterOptions();
        options.ConfigureSilo = silo =>
        {
            silo.AddGrains(typeof(ServiceDiscoveryOptions).Assembly);
            silo.AddJsonTypeInfoResolver(GrainInterfacesJsonContext.Default);
        };
        options.ConfigureServices = services => services.Configure<ServiceDiscoveryOptions>(o => o.Clock = Clock);
        Cluster = await TestCluster.StartAsync(options, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected IServiceGrain Service(string name) => Grains.GetGrain<IServiceGrain>(name);

    protected static ServiceRegistration Instance(string id, HealthCheck? check = null, string? sessionId = null, int port = 8080) =>
        new(id, "127.0.0.1", port, ["v1"], new Dictionary<string, string> { ["zone"] = "a" }, sessionId, check);

    protected static HealthCheck Ttl(TimeSpan ttl, TimeSpan? deregisterAfter = null) => new(ttl, null, null, null, deregisterAfter);

    protected async Task<ServiceInstance> WaitForStatusAsync(IServiceGrain service, string instanceId, HealthStatus status)
    {
        ServiceInstance? found = null;
        await Poll.UntilAsync(
            async () => (found = (await service.GetAsync(healthyOnly: false)).Instances.SingleOrDefault(i => i.Registration.InstanceId == instanceId))?.Status == status,
            WaitTimeout,
            $"instance {instanceId} to be {status}",
            Cancel);
        return found!;
    }
}

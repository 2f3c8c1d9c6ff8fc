using Actors.Runtime.Hosting;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>
/// A fresh one-silo cluster per test with this project's grains and a <see cref="Probe"/> to synchronise on.
/// Derived classes change the cluster's configuration or the silo's set-up by overriding the hooks.
/// </summary>
public abstract class RuntimeTestBase : IAsyncLifetime
{
    /// <summary>A gate no test opens: disposal opens it so grains waiting on it let their activations stop.</summary>
    protected const string NeverOpened = "never";

    protected Probe Probe { get; } = new();

    protected TestCluster Cluster { get; private set; } = null!;

    protected IGrainFactory Grains => Cluster.GrainFactory;

    public async ValueTask InitializeAsync() => Cluster = await RuntimeTestCluster.StartAsync(Probe, Configure, ConfigureSilo);

    public async ValueTask DisposeAsync()
    {
        Probe.Open(NeverOpened);
        await Cluster.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual void Configure(TestClusterOptions options)
    {
    }

    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }
}

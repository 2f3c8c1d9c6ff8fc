using Actors.Runtime.Hosting;
using Actors.Runtime.Tests.Grains;
using Actors.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.Tests;

/// <summary>Starts a one-silo test cluster with this project's grains and a fresh <see cref="Probe"/>.</summary>
internal static class RuntimeTestCluster
{
    public static Task<TestCluster> StartAsync(Probe probe, Action<TestClusterOptions>? configure = null, Action<ISiloBuilder>? configureSilo = null)
    {
        var options = new TestClusterOptions
        {
            ConfigureServices = services => services.AddSingleton(probe),
            ConfigureSilo = silo =>
            {
                silo.AddGrains(typeof(EchoGrain).Assembly);
                configureSilo?.Invoke(silo);
            },
        };
        configure?.Invoke(options);
        return TestCluster.StartAsync(options, TestContext.Current.CancellationToken);
    }
}

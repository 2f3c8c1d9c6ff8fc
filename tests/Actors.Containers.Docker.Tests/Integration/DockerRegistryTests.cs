using System.Net;
using System.Net.Sockets;
using Actors.Containers.Docker.Tests.Support;
using Actors.Grains.Containers;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Containers.Docker.Tests.Integration;

/// <summary>Pulls through the real engine. No registry exists here: these tests point it at a closed loopback port.</summary>
[Collection(DockerEngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DockerRegistryTests(DockerEngine engine)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EnsureImageAsync_PresentImage_DoesNotPull()
    {
        // A registry that cannot answer proves no pull was attempted.
        await using var services = DockerEngine.CreateServices(options =>
        {
            options.Endpoint = engine.Endpoint;
            options.Registry = $"127.0.0.1:{ClosedLoopbackPort()}";
        });

        await services.GetRequiredService<IContainerRuntime>().EnsureImageAsync("actors/cat:latest", Token);
    }

    [Fact]
    public async Task EnsureImageAsync_AbsentImageAndUnreachableRegistry_FailsWithTheEnginesReason()
    {
        var registry = $"127.0.0.1:{ClosedLoopbackPort()}";
        await using var services = DockerEngine.CreateServices(options =>
        {
            options.Endpoint = engine.Endpoint;
            options.Registry = registry;
            options.PullTimeout = TimeSpan.FromSeconds(60);
        });
        var runtime = services.GetRequiredService<IContainerRuntime>();

        // An unreachable registry is an infrastructure failure (worth a retry), not an image that does not exist.
        var ex = await Assert.ThrowsAsync<ContainerRuntimeException>(() => runtime.EnsureImageAsync("actors/not-in-any-registry:1", Token));

        Assert.Contains($"pull image {registry}/actors/not-in-any-registry:1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("actors/not-in-any-registry:1", await runtime.ListImagesAsync(Token));
    }

    [Fact]
    public async Task RunAsync_PresentImageAndUnreachableRegistry_RunsWithoutPulling()
    {
        await using var services = DockerEngine.CreateServices(options =>
        {
            options.Endpoint = engine.Endpoint;
            options.Registry = $"127.0.0.1:{ClosedLoopbackPort()}";
        });

        var result = await services.GetRequiredService<IContainerRuntime>().RunAsync(
            RunRequests.For("actors/cat:latest", engine.NewLabels(), "present\n"u8.ToArray()), started: null, Token);

        Assert.Equal(ContainerExit.Exited, result.Exit);
        Assert.Equal("present\n", System.Text.Encoding.ASCII.GetString(result.Stdout));
    }

    [Fact]
    public async Task RunAsync_AbsentImageAndUnreachableRegistry_FailsWithThePullErrorAndCreatesNoContainer()
    {
        var registry = $"127.0.0.1:{ClosedLoopbackPort()}";
        var labels = engine.NewLabels();
        await using var services = DockerEngine.CreateServices(options =>
        {
            options.Endpoint = engine.Endpoint;
            options.Registry = registry;
            options.PullTimeout = TimeSpan.FromSeconds(60);
        });

        var ex = await Assert.ThrowsAsync<ContainerRuntimeException>(() => services.GetRequiredService<IContainerRuntime>().RunAsync(
            RunRequests.For("actors/not-in-any-registry:2", labels), started: null, Token));

        Assert.Contains($"pull image {registry}/actors/not-in-any-registry:2", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await engine.Runtime.ListAsync(labels, Token));
    }

    [Fact]
    public async Task PingAsync_RegistryConfigured_ReportsIt()
    {
        await using var services = DockerEngine.CreateServices(options =>
        {
            options.Endpoint = engine.Endpoint;
            options.Registry = "127.0.0.1:5000";
        });

        var info = await services.GetRequiredService<IContainerRuntime>().PingAsync(Token);

        Assert.Equal("127.0.0.1:5000", info.Registry);
    }

    /// <summary>A loopback port nothing listens on (bound, then released at once).</summary>
    private static int ClosedLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}

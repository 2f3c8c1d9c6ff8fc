using System.Diagnostics;
using System.Net.Sockets;
using Actors.Containers.Docker.Tests.Integration;
using Actors.Containers.Docker.Tests.Support;
using Actors.Grains.Containers;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Containers.Docker.Tests.Engine;

/// <summary>No engine at the endpoint: every call fails fast with <see cref="ContainerEngineUnavailableException"/>.</summary>
[Trait("Category", "Unit")]
public sealed class UnreachableEngineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("actors-docker-tests-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task PingAsync_SocketPathDoesNotExist_ThrowsUnavailableNamingTheEndpointQuickly()
    {
        var endpoint = $"unix://{_directory}/absent.sock";
        await using var services = DockerEngine.CreateServices(options => options.Endpoint = endpoint);
        var stopwatch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<ContainerEngineUnavailableException>(() =>
            services.GetRequiredService<IContainerRuntime>().PingAsync(Token));

        Assert.Equal($"Docker engine unreachable at {endpoint}: there is no socket file {_directory}/absent.sock (is the engine running?)", ex.Message);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task RunAsync_SocketNobodyListensOn_ThrowsUnavailable()
    {
        // A bound socket that does not listen refuses connections, as a crashed engine's leftover socket file does.
        var path = Path.Combine(_directory, "refusing.sock");
        using var bound = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        bound.Bind(new UnixDomainSocketEndPoint(path));
        await using var services = DockerEngine.CreateServices(options => options.Endpoint = "unix://" + path);

        var ex = await Assert.ThrowsAsync<ContainerEngineUnavailableException>(() =>
            services.GetRequiredService<IContainerRuntime>().RunAsync(RunRequests.For("actors/cat:latest"), started: null, Token));

        Assert.Contains("unreachable at unix://" + path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InvalidRequest_ThrowsArgumentExceptionBeforeContactingTheEngine()
    {
        await using var services = DockerEngine.CreateServices(options => options.Endpoint = $"unix://{_directory}/absent.sock");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<IContainerRuntime>()
            .RunAsync(RunRequests.For("actors/cat:latest") with { MemoryBytes = 0 }, started: null, Token));

        Assert.Contains("MemoryBytes must be positive", ex.Message, StringComparison.Ordinal);
    }
}

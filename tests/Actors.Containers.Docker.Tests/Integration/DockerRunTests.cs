using System.Diagnostics;
using System.Text;
using Actors.Containers.Docker.Tests.Support;
using Actors.Grains.Containers;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Containers.Docker.Tests.Integration;

/// <summary>Runs on the real engine: input, output, exit codes, labels and clean-up.</summary>
[Collection(DockerEngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DockerRunTests(DockerEngine engine)
{
    private readonly IContainerRuntime _runtime = engine.Runtime;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PingAsync_RunningEngine_ReportsItsVersionAndOurApiVersion()
    {
        var info = await _runtime.PingAsync(Token);

        Assert.Matches(@"^\d+\.\d+", info.Version);
        Assert.Equal(DockerOptions.DefaultApiVersion, info.ApiVersion);
        Assert.Null(info.Registry);
    }

    [Fact]
    public async Task ListImagesAsync_TestImagesBuilt_ListsThemByName()
    {
        var images = await _runtime.ListImagesAsync(Token);

        Assert.Superset(DockerEngine.RequiredImages.ToHashSet(), images.ToHashSet());
        Assert.DoesNotContain(images, image => image.Contains("<none>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_Cat_ReturnsFiveMiBOfRandomBytesExactly()
    {
        var input = new byte[5 * 1024 * 1024];
        new Random(1234).NextBytes(input);
        var labels = engine.NewLabels();

        var result = await _runtime.RunAsync(RunRequests.For("actors/cat:latest", labels, input), started: null, Token);

        Assert.Equal(ContainerExit.Exited, result.Exit);
        Assert.Equal(0, result.ExitCode);
        Assert.False(result.StdoutTruncated);
        Assert.Equal(input.Length, result.Stdout.Length);
        Assert.True(input.AsSpan().SequenceEqual(result.Stdout), "stdout differs from stdin");
        Assert.Empty(result.StderrTail);
        Assert.True(result.FinishedAt >= result.StartedAt, $"finished {result.FinishedAt:O} before it started {result.StartedAt:O}");
    }

    [Fact]
    public async Task RunAsync_Upper_UppercasesItsInput()
    {
        var result = await _runtime.RunAsync(
            RunRequests.For("actors/upper:latest", engine.NewLabels(), "hello, world\n"u8.ToArray()), started: null, Token);

        Assert.Equal(ContainerExit.Exited, result.Exit);
        Assert.Equal("HELLO, WORLD\n", Encoding.ASCII.GetString(result.Stdout));
    }

    [Fact]
    public async Task RunAsync_FailingImage_ReportsExitCodeThreeAndItsStderr()
    {
        var result = await _runtime.RunAsync(
            RunRequests.For("actors/exit:latest", engine.NewLabels(), "ignored input"u8.ToArray()), started: null, Token);

        Assert.Equal(ContainerExit.Exited, result.Exit);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("failing\n", Encoding.ASCII.GetString(result.StderrTail));
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task RunAsync_ChattyStderr_KeepsOnlyItsTail()
    {
        var request = RunRequests.For("actors/busybox:latest", engine.NewLabels()) with
        {
            Command = ["sh", "-c", "i=0; while [ $i -lt 1000 ]; do echo \"line $i\" >&2; i=$((i+1)); done; echo done"],
            StderrTailBytes = 20,
        };

        var result = await _runtime.RunAsync(request, started: null, Token);

        Assert.Equal("done\n", Encoding.ASCII.GetString(result.Stdout));
        Assert.Equal("7\nline 998\nline 999\n", Encoding.ASCII.GetString(result.StderrTail));
    }

    [Fact]
    public async Task RunAsync_EnvironmentVariables_ReachTheProcess()
    {
        var request = RunRequests.For("actors/busybox:latest", engine.NewLabels()) with
        {
            Command = ["sh", "-c", "echo \"$GREETING|$EMPTY|$(id -u)\""],
            Env = new Dictionary<string, string> { ["GREETING"] = "hi there", ["EMPTY"] = string.Empty },
        };

        var result = await _runtime.RunAsync(request, started: null, Token);

        // The images run as nobody (65534): jobs are unprivileged.
        Assert.Equal("hi there||65534\n", Encoding.ASCII.GetString(result.Stdout));
    }

    [Fact]
    public async Task RunAsync_LargeOutputPastTheCap_KeepsTheCapMarksTruncatedAndEndsNormally()
    {
        var request = RunRequests.For("actors/large-output:latest", engine.NewLabels()) with { StdoutCapBytes = RunRequests.MiB };

        var result = await _runtime.RunAsync(request, started: null, Token);

        Assert.Equal(ContainerExit.Exited, result.Exit);
        Assert.Equal(0, result.ExitCode);
        Assert.True(result.StdoutTruncated);
        Assert.Equal(RunRequests.MiB, result.Stdout.Length);
        Assert.All(result.Stdout, b => Assert.Equal(0, b));
    }

    [Fact]
    public async Task RunAsync_OutputExactlyAtTheCap_IsNotTruncated()
    {
        var input = new byte[64 * 1024];
        new Random(5).NextBytes(input);
        var request = RunRequests.For("actors/cat:latest", engine.NewLabels(), input) with { StdoutCapBytes = input.Length };

        var result = await _runtime.RunAsync(request, started: null, Token);

        Assert.False(result.StdoutTruncated);
        Assert.Equal(input, result.Stdout);
    }

    [Fact]
    public async Task RunAsync_Always_LabelsTheContainerWhileItRunsAndRemovesItAfter()
    {
        var labels = engine.NewLabels();
        IReadOnlyList<ContainerSummary>? whileRunning = null;
        string? startedId = null;

        var result = await _runtime.RunAsync(
            RunRequests.For("actors/sleep:latest", labels) with { Command = ["1"] },
            async id =>
            {
                startedId = id;
                whileRunning = await _runtime.ListAsync(labels, Token);
            },
            Token);

        var listed = Assert.Single(whileRunning!);
        Assert.Equal(result.ContainerId, startedId);
        Assert.Equal(result.ContainerId, listed.Id);
        Assert.Equal("running", listed.State);
        Assert.All(labels, label => Assert.Equal(label.Value, listed.Labels[label.Key]));
        Assert.Equal(ContainerExit.Exited, result.Exit);
        await engine.WaitUntilRemovedAsync(labels);
    }

    [Fact]
    public async Task RunAsync_StartedCallbackThrows_RemovesTheContainerAndPassesTheErrorOn()
    {
        var labels = engine.NewLabels();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => _runtime.RunAsync(
            RunRequests.For("actors/sleep:latest", labels),
            _ => throw new InvalidOperationException("callback failed"),
            Token));

        Assert.Equal("callback failed", ex.Message);
        await engine.WaitUntilRemovedAsync(labels);
    }

    [Fact]
    public async Task RunAsync_AbsentImageWithoutRegistry_ThrowsImageNotFoundNamingTheImage()
    {
        var labels = engine.NewLabels();

        var ex = await Assert.ThrowsAsync<ContainerImageNotFoundException>(() =>
            _runtime.RunAsync(RunRequests.For("actors/no-such-image:latest", labels), started: null, Token));

        Assert.Contains("actors/no-such-image:latest", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no registry is configured", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await _runtime.ListAsync(labels, Token));
    }

    [Fact]
    public async Task RunAsync_LimitTheEngineRefuses_ThrowsWithTheEnginesMessageAndLeavesNoContainer()
    {
        var labels = engine.NewLabels();

        var ex = await Assert.ThrowsAsync<ContainerRuntimeException>(() =>
            _runtime.RunAsync(RunRequests.For("actors/cat:latest", labels) with { MemoryBytes = 1000 }, started: null, Token));

        Assert.Contains("Minimum memory limit allowed is 6MB", ex.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 400", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await _runtime.ListAsync(labels, Token));
    }

    [Fact]
    public async Task RunAsync_CommandThatDoesNotExist_EndsWithExitCode127AndTheEnginesReason()
    {
        var labels = engine.NewLabels();

        var result = await _runtime.RunAsync(
            RunRequests.For("actors/busybox:latest", labels) with { Command = ["/no/such/binary"] }, started: null, Token);

        Assert.Equal(ContainerExit.Exited, result.Exit);
        Assert.Equal(127, result.ExitCode);
        Assert.Contains("/no/such/binary", Encoding.UTF8.GetString(result.StderrTail), StringComparison.Ordinal);
        await engine.WaitUntilRemovedAsync(labels);
    }

    [Fact]
    public async Task RunAsync_ContainerThatIgnoresALargeStdin_EndsNormally()
    {
        var request = RunRequests.For("actors/busybox:latest", engine.NewLabels(), new byte[4 * 1024 * 1024]) with
        {
            Command = ["sh", "-c", "echo not reading"],
        };

        var result = await _runtime.RunAsync(request, started: null, Token);

        Assert.Equal(ContainerExit.Exited, result.Exit);
        Assert.Equal("not reading\n", Encoding.ASCII.GetString(result.Stdout));
    }

    [Fact]
    public async Task RunAsync_FourAtOnce_EachGetsItsOwnOutput()
    {
        var inputs = Enumerable.Range(0, 4).Select(i => Encoding.ASCII.GetBytes($"input number {i}\n")).ToArray();
        var stopwatch = Stopwatch.StartNew();

        var results = await Task.WhenAll(inputs.Select(input =>
            _runtime.RunAsync(RunRequests.For("actors/cat:latest", engine.NewLabels(), input), started: null, Token)));

        Assert.Equal(inputs, results.Select(result => result.Stdout));
        Assert.Equal(4, results.Select(result => result.ContainerId).Distinct().Count());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"four small runs took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task RunAsync_ProcessKilledBySignalNine_EndsWith137AndIsNotCalledOutOfMemory()
    {
        // 137 is what the OOM killer's SIGKILL leaves too: the engine's inspect tells them apart. (The container's
        // first process ignores signals it has no handler for, so a child is killed and its status passed on.)
        var request = RunRequests.For("actors/busybox:latest", engine.NewLabels()) with { Command = ["sh", "-c", "echo before; sh -c 'kill -9 $$'; exit $?"] };

        var result = await _runtime.RunAsync(request, started: null, Token);

        Assert.Equal(ContainerExit.Exited, result.Exit);
        Assert.Equal(137, result.ExitCode);
        Assert.Equal("before\n", Encoding.ASCII.GetString(result.Stdout));
    }

    [Fact]
    public async Task DisposeAsync_RightAfterARun_ReturnsOnlyOnceItsContainerIsRemoved()
    {
        var labels = engine.NewLabels();
        var services = DockerEngine.CreateServices(options => options.Endpoint = engine.Endpoint);
        var result = await services.GetRequiredService<IContainerRuntime>().RunAsync(
            RunRequests.For("actors/cat:latest", labels, "bye\n"u8.ToArray()), started: null, Token);

        await services.DisposeAsync();

        // No polling: the removal started in the background must be over once the runtime is disposed.
        Assert.Equal("bye\n", Encoding.ASCII.GetString(result.Stdout));
        Assert.Empty(await _runtime.ListAsync(labels, Token));
    }

    [Fact]
    public async Task RemoveAsync_UnknownContainer_IsFine()
    {
        await _runtime.RemoveAsync("0123456789ab" + Guid.NewGuid().ToString("N"), Token);
    }
}

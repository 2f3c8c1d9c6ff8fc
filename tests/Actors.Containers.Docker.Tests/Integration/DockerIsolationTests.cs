using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Actors.Containers.Docker.Tests.Support;
using Actors.Grains.Containers;
using Actors.TestKit;

namespace Actors.Containers.Docker.Tests.Integration;

/// <summary>Runs on the real engine: the hardening and the limits hold, and runs end when they must.</summary>
[Collection(DockerEngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed partial class DockerIsolationTests(DockerEngine engine)
{
    private readonly IContainerRuntime _runtime = engine.Runtime;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_PastItsTimeout_IsKilledAndReportedTimedOut()
    {
        var labels = engine.NewLabels();
        var stopwatch = Stopwatch.StartNew();

        // Also feeds a stdin the sleeper never reads: a blocked writer must not hold the run up.
        var result = await _runtime.RunAsync(
            RunRequests.For("actors/sleep:latest", labels, new byte[1024 * 1024]) with { Timeout = TimeSpan.FromSeconds(2) },
            started: null,
            Token);

        Assert.Equal(ContainerExit.TimedOut, result.Exit);
        Assert.Equal(137, result.ExitCode);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
        await engine.WaitUntilRemovedAsync(labels);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileRunning_KillsPromptlyAndReportsCancelled()
    {
        var labels = engine.NewLabels();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var sinceCancel = new Stopwatch();

        var result = await _runtime.RunAsync(
            RunRequests.For("actors/sleep:latest", labels),
            async _ =>
            {
                sinceCancel.Start();
                await cancellation.CancelAsync();
            },
            cancellation.Token);

        Assert.Equal(ContainerExit.Cancelled, result.Exit);
        Assert.Equal(137, result.ExitCode);
        Assert.True(sinceCancel.Elapsed < TimeSpan.FromSeconds(10), $"the run ended {sinceCancel.Elapsed} after it was cancelled");
        await engine.WaitUntilRemovedAsync(labels);
    }

    [Fact]
    public async Task RunAsync_CancelledBeforeStart_ThrowsAndLeavesNoContainer()
    {
        var labels = engine.NewLabels();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _runtime.RunAsync(RunRequests.For("actors/sleep:latest", labels), started: null, cancelled.Token));

        Assert.Empty(await _runtime.ListAsync(labels, Token));
    }

    [Fact]
    public async Task RunAsync_MemoryHogAboveItsLimit_IsReportedOutOfMemory()
    {
        var request = RunRequests.For("actors/memhog:latest", engine.NewLabels()) with { MemoryBytes = 64 * RunRequests.MiB };

        var result = await _runtime.RunAsync(request, started: null, Token);

        Assert.Equal(ContainerExit.OutOfMemory, result.Exit);
        Assert.Equal(137, result.ExitCode);
    }

    [Fact]
    public async Task RunAsync_ForkBomb_IsContainedByThePidsLimitAndEndsByItself()
    {
        var labels = engine.NewLabels();
        var request = RunRequests.For("actors/forkbomb:latest", labels) with { PidsLimit = 64, Timeout = TimeSpan.FromSeconds(60) };

        var result = await _runtime.RunAsync(request, started: null, Token);

        var stdout = Encoding.ASCII.GetString(result.Stdout);
        var match = ForkedPattern().Match(stdout);
        Assert.True(match.Success, $"unexpected forkbomb output '{stdout}', stderr '{Encoding.ASCII.GetString(result.StderrTail)}'");
        var forked = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(forked, 1, 63);
        Assert.Contains("can't fork", Encoding.ASCII.GetString(result.StderrTail), StringComparison.Ordinal);
        Assert.Equal(ContainerExit.Exited, result.Exit);
        await engine.WaitUntilRemovedAsync(labels);

        // Nothing escaped: none of its sleepers (nobody's "sleep 600") is left on the host.
        await Poll.UntilAsync(() => CountHostProcesses("sleep\0" + "600\0", uid: 65534) == 0, TimeSpan.FromSeconds(10), "the forkbomb's sleepers to be gone", Token);
    }

    [Fact]
    public async Task RunAsync_NetworkProbe_SeesOnlyLoopbackAndCannotReachAHostListener()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var request = RunRequests.For("actors/network:latest", engine.NewLabels()) with
        {
            Command = [port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        };

        var result = await _runtime.RunAsync(request, started: null, Token);

        var stdout = Encoding.ASCII.GetString(result.Stdout);
        var interfaces = InterfacesPattern().Match(stdout);
        Assert.True(interfaces.Success, $"unexpected probe output '{stdout}'");
        Assert.Equal(["lo"], interfaces.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"unreachable 127.0.0.1:{port}", stdout, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
        Assert.False(listener.Pending(), "the container reached the host's listener");
    }

    [Fact]
    public async Task RunAsync_ReadOnlyRoot_RefusesWritesOutsideTmpAndAllowsThemInTmp()
    {
        var request = RunRequests.For("actors/busybox:latest", engine.NewLabels()) with
        {
            Command = ["sh", "-c", "echo x > /probe && echo root-writable; echo y > /tmp/probe && cat /tmp/probe && echo tmp-writable"],
        };

        var result = await _runtime.RunAsync(request, started: null, Token);

        var stdout = Encoding.ASCII.GetString(result.Stdout);
        Assert.DoesNotContain("root-writable", stdout, StringComparison.Ordinal);
        Assert.Equal("y\ntmp-writable\n", stdout);
        Assert.Contains("Read-only file system", Encoding.ASCII.GetString(result.StderrTail), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Tmpfs_IsBoundedAndNotExecutable()
    {
        var request = RunRequests.For("actors/busybox:latest", engine.NewLabels()) with
        {
            Command = ["sh", "-c", "cp /bin/busybox /tmp/b && /tmp/b true && echo exec-allowed; head -c 3000000 /dev/zero > /tmp/fill || echo fill-refused"],
            TmpfsBytes = 2 * RunRequests.MiB,
        };

        var result = await _runtime.RunAsync(request, started: null, Token);

        var stdout = Encoding.ASCII.GetString(result.Stdout);
        Assert.DoesNotContain("exec-allowed", stdout, StringComparison.Ordinal);
        Assert.Contains("fill-refused", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Hardening_EmptiesTheCapabilityBoundingSetAndSetsNoNewPrivileges()
    {
        // The bounding set is empty only because every capability was dropped (a plain unprivileged user keeps it),
        // so nothing in the container can regain one, not even through a setuid binary.
        var request = RunRequests.For("actors/busybox:latest", engine.NewLabels()) with
        {
            Command = ["sh", "-c", "grep -E '^(CapBnd|CapEff|NoNewPrivs):' /proc/self/status"],
        };

        var result = await _runtime.RunAsync(request, started: null, Token);

        var stdout = Encoding.ASCII.GetString(result.Stdout);
        Assert.Contains("CapBnd:\t0000000000000000", stdout, StringComparison.Ordinal);
        Assert.Contains("CapEff:\t0000000000000000", stdout, StringComparison.Ordinal);
        Assert.Contains("NoNewPrivs:\t1", stdout, StringComparison.Ordinal);
    }

    /// <summary>Processes on the host (all pid namespaces are visible from here) with this command line and real uid.</summary>
    private static int CountHostProcesses(string commandLine, int uid)
    {
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")) == commandLine
                    && File.ReadLines(Path.Combine(dir, "status")).Any(line => line.StartsWith($"Uid:\t{uid}\t", StringComparison.Ordinal)))
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return count;
    }

    [GeneratedRegex(@"^forked (\d+) of 10000$", RegexOptions.Multiline)]
    private static partial Regex ForkedPattern();

    [GeneratedRegex(@"^interfaces: (.*)$", RegexOptions.Multiline)]
    private static partial Regex InterfacesPattern();
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Actors.Benchmarks.CrossSilo;
using Actors.Benchmarks.Measurement;

namespace Actors.Benchmarks.Coordination;

/// <summary>
/// A throwaway single-member etcd (Debian's etcd-server, <c>/usr/bin/etcd</c>) started by the benchmark: client and
/// peer URLs on free 127.0.0.1 ports, its own data directory under /tmp, default durability (fsync of the WAL on
/// every commit). Disposing kills it through its own <see cref="Process"/> object (its PID) and deletes the directory.
/// </summary>
internal sealed class EtcdServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/etcd";
    private const int KeptOutputLines = 100;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly ConcurrentQueue<string> _output = new();

    private EtcdServer(Process process, string dataDirectory, Uri clientUrl, string version)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        ClientUrl = clientUrl;
        Version = version;
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The member's client URL (the JSON gateway is on it too).</summary>
    public Uri ClientUrl { get; }

    /// <summary>"etcd Version: 3.4.23", for the printed set-up.</summary>
    public string Version { get; }

    /// <summary>Starts etcd (installing Debian's etcd-server first when it is missing) and waits until <c>/health</c> says true.</summary>
    public static async Task<EtcdServer> StartAsync(CancellationToken cancellationToken)
    {
        await EnsureInstalledAsync(cancellationToken);
        var versionRun = await ChildProcess.RunAsync(Binary, ["--version"], TimeSpan.FromSeconds(30), cancellationToken);
        var version = versionRun.Stdout.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault() ?? "etcd (version unknown)";

        var (clientPort, peerPort) = (LoopbackPorts.Next(), LoopbackPorts.Next());
        var client = $"http://127.0.0.1:{clientPort.ToString(CultureInfo.InvariantCulture)}";
        var peer = $"http://127.0.0.1:{peerPort.ToString(CultureInfo.InvariantCulture)}";
        var dataDirectory = Path.Combine(Path.GetTempPath(), "actors-etcd-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[]
        {
            "--name", "bench",
            "--data-dir", dataDirectory,
            "--listen-client-urls", client,
            "--advertise-client-urls", client,
            "--listen-peer-urls", peer,
            "--initial-advertise-peer-urls", peer,
            "--initial-cluster", "bench=" + peer,
            "--initial-cluster-state", "new",
            "--logger", "zap",
            "--log-level", "warn",
        })
        {
            info.ArgumentList.Add(argument);
        }

        // Debian's etcd also reads ETCD_* variables; none of ours may leak in.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("ETCD", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{Binary} did not start.");
        var server = new EtcdServer(process, dataDirectory, new Uri(client + "/"), version);
        try
        {
            await server.WaitUntilHealthyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessEnd.KillAsync(_process, ToString());

        _process.Dispose();
        try
        {
            if (Directory.Exists(_dataDirectory))
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Could not delete etcd's data directory {_dataDirectory}: {ex.Message}");
        }
    }

    public override string ToString() => $"etcd (pid {_process.Id}, {ClientUrl}, data {_dataDirectory})";

    /// <summary>Runs <c>apt-get install -y etcd-server</c> when <c>/usr/bin/etcd</c> is missing, as root only.</summary>
    private static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Binary))
        {
            return;
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException($"{Binary} is missing and this benchmark is not running as root: install it with 'apt-get install -y etcd-server', or run with --only actors.");
        }

        Console.WriteLine($"{Binary} is missing: apt-get install -y etcd-server...");
        var install = await ChildProcess.RunAsync("apt-get", ["install", "-y", "etcd-server"], InstallTimeout, cancellationToken,
            new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
        if (install.ExitCode != 0 || !File.Exists(Binary))
        {
            throw new InvalidOperationException($"apt-get install -y etcd-server failed (exit code {install.ExitCode}), so {Binary} is still missing:\n{install.Stderr}");
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = CoordinationHttp.Create(ClientUrl, connections: 1);
        http.Timeout = TimeSpan.FromSeconds(5);
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"etcd exited with code {_process.ExitCode} before it was healthy:\n{string.Join('\n', _output)}");
            }

            try
            {
                var body = await http.GetStringAsync(new Uri("health", UriKind.Relative), cancellationToken);
                if (body.Contains("\"true\"", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One request timed out; the loop's own deadline decides.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        throw new TimeoutException($"{this} was not healthy within {StartTimeout}:\n{string.Join('\n', _output)}");
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Actors.Benchmarks.Measurement;

namespace Actors.Benchmarks.CrossSilo;

/// <summary>
/// A real silo process (artifacts/bin/Actors.Silo) started by the benchmark on free loopback ports. The benchmark
/// ends only processes it started, through their own <see cref="Process"/> objects: <see cref="Kill"/> is SIGKILL.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(Process process, string nodeName, int siloPort, int gatewayPort, int httpPort)
    {
        _process = process;
        NodeName = nodeName;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        HttpPort = httpPort;
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string NodeName { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int HttpPort { get; }

    public int Pid => _process.Id;

    /// <summary>CPU time (user and kernel) the process has used so far.</summary>
    /// <exception cref="InvalidOperationException">The process has exited; the message has its exit code and last output.</exception>
    public TimeSpan CpuTime
    {
        get
        {
            EnsureRunning();
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Throws with the exit code and the last output when the process is no longer running.</summary>
    public void EnsureRunning()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"{this} exited unexpectedly with code {_process.ExitCode}; its last output:\n{Output}");
        }
    }

    public string Gateway => "127.0.0.1:" + GatewayPort.ToString(CultureInfo.InvariantCulture);

    /// <summary>The last lines the process wrote to stdout and stderr.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>
    /// Starts a silo of cluster <paramref name="clusterId"/> on node <paramref name="nodeName"/>, hosting the grains of
    /// <paramref name="grainAssembly"/> (when given), with <paramref name="environment"/> added to its settings.
    /// </summary>
    public static SiloProcess Start(
        string siloAssembly, string clusterId, string nodeName, string connectionString, string? grainAssembly,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var (siloPort, gatewayPort, httpPort) = (LoopbackPorts.Next(), LoopbackPorts.Next(), LoopbackPorts.Next());
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(siloAssembly)!,
        };
        info.ArgumentList.Add(siloAssembly);
        info.Environment["Urls"] = $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}";
        info.Environment["Actors__Silo__ClusterId"] = clusterId;
        info.Environment["Actors__Silo__NodeName"] = nodeName;
        info.Environment["Actors__Silo__AdvertisedAddress"] = "127.0.0.1";
        info.Environment["Actors__Silo__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["Actors__Silo__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["Actors__Storage__Provider"] = "PostgreSql";
        info.Environment["Actors__Storage__ConnectionString"] = connectionString;
        if (grainAssembly is not null)
        {
            info.Environment["Actors__Grains__Assemblies__0"] = grainAssembly;
        }

        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        return new SiloProcess(process, nodeName, siloPort, gatewayPort, httpPort);
    }

    /// <summary>True when <paramref name="siloAddress"/> (as grains report it, "host:port@generation") is this silo.</summary>
    public bool Is(string siloAddress) =>
        siloAddress.StartsWith("127.0.0.1:" + SiloPort.ToString(CultureInfo.InvariantCulture) + "@", StringComparison.Ordinal);

    /// <summary>Waits until <c>/healthz</c> answers 200 (a grain call ran in the silo), polling every 100 ms.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(5) };
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{this} exited with code {_process.ExitCode} before it was healthy:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
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

        throw new TimeoutException($"{this} was not healthy within {timeout}:\n{Output}");
    }

    /// <summary>SIGKILL (Process.Kill on Unix): no graceful leave, the cluster has to find out.</summary>
    public void Kill() => _process.Kill();

    public async ValueTask DisposeAsync()
    {
        await ProcessEnd.KillAsync(_process, ToString());

        _process.Dispose();
    }

    public override string ToString() => $"{NodeName} (pid {_process.Id}, silo port {SiloPort})";

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

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Actors.TestKit.Processes;

/// <summary>
/// A real silo process (silo/Actors.Silo) started by a test, on loopback ports the test chose. Its output is kept
/// for diagnostics. Stop it gracefully (SIGTERM), kill it (SIGKILL), or pause and resume it (SIGSTOP/SIGCONT).
/// Disposing kills it if it still runs: tests only end processes they started, by their PID.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(Process process, int httpPort)
    {
        _process = process;
        HttpPort = httpPort;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}");
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public int HttpPort { get; }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts a silo process with <paramref name="settings"/> as environment variables (keys like <c>Actors__Silo__ClusterId</c>).</summary>
    public static SiloProcess Start(IReadOnlyDictionary<string, string> settings, int? httpPort = null)
    {
        var port = httpPort ?? FreePorts.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.ProjectAssembly("Actors.Silo"))!,
        };
        info.ArgumentList.Add(RepositoryPaths.ProjectAssembly("Actors.Silo"));
        info.Environment["Urls"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        return new SiloProcess(process, port);
    }

    /// <summary>Waits until <c>/healthz</c> answers 200 (a grain call ran), failing with the process output otherwise.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {_process.ExitCode} before it was healthy:\n{Output}");
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
                // A request timed out; the deadline loop decides.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        throw new TimeoutException($"The silo was not healthy within {timeout}:\n{Output}");
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The silo (pid {Pid}) did not exit within {timeout}:\n{Output}");
        }

        return _process.ExitCode;
    }

    public void Terminate() => Signals.Send(Pid, Signals.SigTerm);

    public void Kill() => Signals.Send(Pid, Signals.SigKill);

    public void Pause() => Signals.Send(Pid, Signals.SigStop);

    public void Resume() => Signals.Send(Pid, Signals.SigCont);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}

using System.Diagnostics;
using Actors.Benchmarks.CrossSilo;

namespace Actors.Benchmarks.Jobs;

/// <summary>
/// The baseline's side: the Docker CLI, exactly as a user would call it (<c>docker run --rm -i --network none IMAGE</c>),
/// as a child process fed on stdin. Also checks that the engine answers and has the images the benchmark needs.
/// </summary>
internal static class DockerCli
{
    /// <summary>The label on the baseline's containers, so a killed run's leftovers can be found.</summary>
    public const string Label = "actors.bench=jobs";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Throws with how to fix it when the CLI, the engine or one of <paramref name="images"/> is missing.</summary>
    public static async Task EnsureReadyAsync(IReadOnlyList<string> images, CancellationToken cancellationToken)
    {
        const string Fix = "start the engine with 'bash scripts/docker.sh start' and build the images with 'bash scripts/docker.sh images'";
        (int ExitCode, string Stdout, string Stderr) version;
        try
        {
            version = await ChildProcess.RunAsync("docker", ["version", "--format", "{{.Server.Version}} (API {{.Server.APIVersion}})"], CheckTimeout, cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"The jobs benchmark needs the Docker CLI ('docker' on PATH) and engine: {ex.Message}; {Fix}.", ex);
        }

        if (version.ExitCode != 0)
        {
            throw new InvalidOperationException($"The jobs benchmark needs a Docker engine, and none answers ({version.Stderr.Trim()}): {Fix}.");
        }

        var inspect = await ChildProcess.RunAsync("docker", ["image", "inspect", "--format", "{{.Id}}", .. images], CheckTimeout, cancellationToken);
        if (inspect.ExitCode != 0)
        {
            throw new InvalidOperationException($"The Docker engine lacks an image the jobs benchmark needs ({string.Join(", ", images)}): {inspect.Stderr.Trim()}; {Fix}.");
        }

        Console.WriteLine($"Docker engine {version.Stdout.Trim()}; images {string.Join(", ", images)} present");
    }

    /// <summary>
    /// <c>docker run --rm -i --network none IMAGE</c> with <paramref name="input"/> on stdin: its exit code and stdout,
    /// and the wall-clock time from starting the CLI to its exit. Killed (only this process) after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(int ExitCode, byte[] Stdout, string Stderr, TimeSpan Elapsed)> RunAsync(
        string image, byte[] input, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("docker")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--rm", "-i", "--network", "none", "--label", Label, image })
        {
            info.ArgumentList.Add(argument);
        }

        var elapsed = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("docker did not start.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var stdout = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(stdout, limit.Token);
            var stderr = process.StandardError.ReadToEndAsync(limit.Token);
            await process.StandardInput.BaseStream.WriteAsync(input, limit.Token);
            process.StandardInput.Close();
            await reading;
            var errors = await stderr;
            await process.WaitForExitAsync(limit.Token);
            elapsed.Stop();
            return (process.ExitCode, stdout.ToArray(), errors, elapsed.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the process this method started, by its own Process object.
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'docker run {image}' did not finish within {timeout}.");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }
}

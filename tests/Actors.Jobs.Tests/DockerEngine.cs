using System.Diagnostics;

namespace Actors.Jobs.Tests;

/// <summary>
/// The local Docker engine, through its CLI: checked once per run (a missing engine or image fails every test with
/// the command that fixes it), and used to look at the containers the silos leave.
/// </summary>
public sealed class DockerEngine : IAsyncLifetime
{
    /// <summary>The images the tests run (built by <c>scripts/docker.sh images</c>).</summary>
    public static readonly string[] Images =
        ["actors/cat:latest", "actors/upper:latest", "actors/sleep:latest", "actors/exit:latest", "actors/memhog:latest", "actors/forkbomb:latest", "actors/network:latest"];

    public async ValueTask InitializeAsync()
    {
        var (code, output) = await RunAsync(["image", "ls", "--format", "{{.Repository}}:{{.Tag}}"]);
        if (code != 0)
        {
            throw new InvalidOperationException($"The Docker engine does not answer ('docker image ls' exited {code}: {output.Trim()}). Start it with 'bash scripts/docker.sh start'.");
        }

        var missing = Images.Except(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Test images are missing: {string.Join(", ", missing)}. Build them with 'bash scripts/docker.sh images'.");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Ids of the containers (running or not) carrying <paramref name="label"/> (k=v).</summary>
    public static async Task<IReadOnlyList<string>> ContainersAsync(string label)
    {
        var (code, output) = await RunAsync(["ps", "-a", "-q", "--filter", "label=" + label]);
        Assert.True(code == 0, "docker ps failed: " + output);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Removes every container carrying <paramref name="label"/> (test clean-up).</summary>
    public static async Task RemoveContainersAsync(string label)
    {
        foreach (var id in await ContainersAsync(label))
        {
            await RunAsync(["rm", "-f", id]);
        }
    }

    /// <summary>Runs the docker CLI with a bound on its time.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("docker did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("docker " + string.Join(' ', info.ArgumentList) + " took longer than 60 s.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}

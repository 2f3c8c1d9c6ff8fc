using System.Diagnostics;

namespace Actors.Benchmarks.Measurement;

/// <summary>Ends a child process this benchmark started, by its own Process object.</summary>
internal static class ProcessEnd
{
    /// <summary>SIGKILLs <paramref name="process"/> if it still runs and waits up to 10 s for it to exit (saying so when it does not).</summary>
    public static async Task KillAsync(Process process, string name)
    {
        if (process.HasExited)
        {
            return;
        }

        process.Kill();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"{name} did not exit within 10 s of SIGKILL.");
        }
    }
}

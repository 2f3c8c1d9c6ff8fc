using System.Diagnostics;

namespace Actors.Coordination.Cluster.Tests;

/// <summary>Calls that meet a dead silo fail ("silo unavailable", a gateway timeout): the caller tries again, as an application would.</summary>
internal static class Retry
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>Calls until the call answers (for at most a minute; then its error propagates).</summary>
    public static async Task<T> UntilAnsweredAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or Xunit.Sdk.IAssertionException) && elapsed.Elapsed < GiveUpAfter)
            {
                await Task.Delay(Pause, cancellationToken);
            }
        }
    }
}

namespace Actors.Client.Tests.Support;

/// <summary>Bounded waits on real events: every await in these tests ends, with a message saying what did not happen.</summary>
internal static class Wait
{
    /// <summary>How long any single expected event may take before the test fails.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task ForAsync(Task task, string what)
    {
        try
        {
            await task.WaitAsync(Limit, Token);
        }
        catch (TimeoutException ex) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {Limit} waiting for {what}.", ex);
        }
    }

    public static async Task<T> ForAsync<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Limit, Token);
        }
        catch (TimeoutException ex) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {Limit} waiting for {what}.", ex);
        }
    }

    /// <summary>Waits for <paramref name="task"/> to fail, and returns its exception.</summary>
    public static async Task<Exception> ForFailureAsync(Task task, string what)
    {
        try
        {
            await task.WaitAsync(Limit, Token);
        }
        catch (TimeoutException ex) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {Limit} waiting for {what} to fail.", ex);
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new InvalidOperationException($"Expected {what} to fail, but it succeeded.");
    }
}

namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>How <see cref="RoundTripBatcher{TRequest, TResult}"/> shares round trips; no database needed.</summary>
public sealed class RoundTripBatcherTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_LoneRequest_RunsAtOnceInItsOwnRoundTrip()
    {
        var batches = new List<int[]>();
        var batcher = new RoundTripBatcher<int, string>(
            requests =>
            {
                batches.Add([.. requests]);
                return Task.FromResult(requests.Select(r => $"answer {r}").ToArray());
            },
            maxBatchSize: 8);

        Assert.Equal("answer 7", await batcher.RunAsync(7).WaitAsync(Token));
        Assert.Equal([7], Assert.Single(batches));
    }

    [Fact]
    public async Task RunAsync_RequestsArrivingDuringARoundTrip_ShareTheNextOneUpToTheBatchSize()
    {
        var firstInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = new List<int[]>();
        var batcher = new RoundTripBatcher<int, int>(
            async requests =>
            {
                lock (batches)
                {
                    batches.Add([.. requests]);
                }

                if (requests[0] == 0)
                {
                    firstInFlight.SetResult();
                    await releaseFirst.Task;
                }

                return [.. requests.Select(r => r * 10)];
            },
            maxBatchSize: 4);

        var first = batcher.RunAsync(0);
        await firstInFlight.Task.WaitAsync(Token);
        var queued = Enumerable.Range(1, 6).Select(batcher.RunAsync).ToList();
        releaseFirst.SetResult();

        Assert.Equal(0, await first.WaitAsync(Token));
        var answers = await Task.WhenAll(queued).WaitAsync(Token);
        Assert.Equal([10, 20, 30, 40, 50, 60], answers);
        Assert.Equal([[0], [1, 2, 3, 4], [5, 6]], batches);
    }

    [Fact]
    public async Task RunAsync_RoundTripFails_FailsItsCallersOnlyAndTheNextRoundTripRuns()
    {
        var failFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batcher = new RoundTripBatcher<int, int>(
            async requests =>
            {
                if (requests[0] == 0)
                {
                    await failFirst.Task;
                    throw new InvalidOperationException("the database said no");
                }

                return [.. requests];
            },
            maxBatchSize: 4);

        var failing = batcher.RunAsync(0);
        var next = batcher.RunAsync(1);
        failFirst.SetResult();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.WaitAsync(Token));
        Assert.Equal("the database said no", error.Message);
        Assert.Equal(1, await next.WaitAsync(Token));
        Assert.Equal(2, batcher.RoundTrips);
    }
}

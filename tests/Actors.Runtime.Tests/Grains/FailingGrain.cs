namespace Actors.Runtime.Tests.Grains;

public sealed class FailingGrain : Grain, IFailingGrain
{
    private int _count;

    public Task ThrowSynchronouslyAsync(string message) => throw new InvalidOperationException(message);

    public async Task<int> ThrowAfterAwaitAsync(string message)
    {
        await Task.Yield();
        throw new GrainFailureException(message);
    }

    public Task<int> CountAsync() => Task.FromResult(++_count);
}

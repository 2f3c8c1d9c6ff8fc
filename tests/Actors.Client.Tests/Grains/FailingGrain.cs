namespace Actors.Client.Tests.Grains;

public sealed class FailingGrain : Grain, IFailingGrain
{
    public async Task ThrowOrderRejectedAsync(string message)
    {
        await Task.Yield();
        throw new OrderRejectedException(message);
    }

    public Task<int> ThrowArgumentAsync(string parameterName) => throw new ArgumentException("The value is not acceptable.", parameterName);

    public Task ThrowQuotaExceededAsync(int quota) => throw new QuotaExceededException(quota);
}

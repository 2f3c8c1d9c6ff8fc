namespace Actors.Client.Tests.Grains;

public interface IFailingGrain : IGrainWithIntegerKey
{
    Task ThrowOrderRejectedAsync(string message);

    Task<int> ThrowArgumentAsync(string parameterName);

    Task ThrowQuotaExceededAsync(int quota);
}

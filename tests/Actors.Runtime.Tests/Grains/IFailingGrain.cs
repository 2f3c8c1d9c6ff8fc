namespace Actors.Runtime.Tests.Grains;

public interface IFailingGrain : IGrainWithIntegerKey
{
    Task ThrowSynchronouslyAsync(string message);

    Task<int> ThrowAfterAwaitAsync(string message);

    Task<int> CountAsync();
}

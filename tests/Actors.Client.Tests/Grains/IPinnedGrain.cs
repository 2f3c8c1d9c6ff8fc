namespace Actors.Client.Tests.Grains;

/// <summary>Lives on the silo whose node name is its key, so tests choose whether a call crosses to another silo.</summary>
public interface IPinnedGrain : IGrainWithStringKey
{
    Task<string> GetNodeAsync();

    Task<Order> RoundTripAsync(Order order);

    Task ThrowQuotaExceededAsync(int quota);

    Task ThrowOrderRejectedAsync(string message);
}

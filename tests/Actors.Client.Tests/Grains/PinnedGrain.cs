using Actors.Placement;
using Actors.Runtime.Hosting;

namespace Actors.Client.Tests.Grains;

[NodePinnedPlacement]
public sealed class PinnedGrain(ILocalSiloDetails silo) : Grain, IPinnedGrain
{
    public Task<string> GetNodeAsync() => Task.FromResult(silo.NodeName);

    public Task<Order> RoundTripAsync(Order order) => Task.FromResult(order with { Note = "via " + silo.NodeName });

    public Task ThrowQuotaExceededAsync(int quota) => throw new QuotaExceededException(quota);

    public Task ThrowOrderRejectedAsync(string message) => throw new OrderRejectedException(message);
}

using Actors.Runtime.Hosting;

namespace Actors.Client.Tests.Grains;

public sealed class EchoGrain(ILocalSiloDetails silo) : Grain, IEchoGrain
{
    private int _calls;

    public Task<string> EchoAsync(string text) => Task.FromResult(this.GetPrimaryKeyString() + ":" + text);

    public Task<Order?> RoundTripAsync(Order? order) =>
        Task.FromResult(order is null ? null : order with { Lines = [.. order.Lines, new OrderLine("echoed", 1)] });

    public Task<List<int>> ReverseAsync(List<int> values)
    {
        values.Reverse();
        return Task.FromResult(values);
    }

    public Task<string?> EchoNullableAsync(string? text) => Task.FromResult(text);

    public Task<string> CallOtherAsync(IEchoGrain other, string text) => other.EchoAsync(text);

    public Task<IEchoGrain> GetPartnerAsync(string key) => Task.FromResult(GrainFactory.GetGrain<IEchoGrain>(key));

    public Task<int> CountAsync() => Task.FromResult(++_calls);

    public Task<string> GetNodeAsync() => Task.FromResult(silo.NodeName);
}

namespace Actors.Client.Tests.Grains;

public interface IEchoGrain : IGrainWithStringKey
{
    Task<string> EchoAsync(string text);

    Task<Order?> RoundTripAsync(Order? order);

    Task<List<int>> ReverseAsync(List<int> values);

    Task<string?> EchoNullableAsync(string? text);

    /// <summary>Calls <paramref name="other"/> (a reference the caller passed) from inside the grain.</summary>
    Task<string> CallOtherAsync(IEchoGrain other, string text);

    /// <summary>Returns a reference to another echo grain.</summary>
    Task<IEchoGrain> GetPartnerAsync(string key);

    /// <summary>Counts calls to this activation.</summary>
    Task<int> CountAsync();

    /// <summary>The node name of the silo the activation lives on.</summary>
    Task<string> GetNodeAsync();
}

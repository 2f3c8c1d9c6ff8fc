namespace Actors.Benchmarks.Coordination;

/// <summary>The benchmark's HTTP clients: keep-alive pools to one loopback server, no proxy, no cookies.</summary>
internal static class CoordinationHttp
{
    /// <summary>A client of <paramref name="baseAddress"/> with at most <paramref name="connections"/> connections.</summary>
    public static HttpClient Create(Uri baseAddress, int connections)
    {
        if (!System.Net.IPAddress.TryParse(baseAddress.Host, out var address) || !System.Net.IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The benchmark talks to loopback addresses only, not {baseAddress}.", nameof(baseAddress));
        }

        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }
}

using System.Net;
using System.Net.Sockets;

namespace Actors.Benchmarks.CrossSilo;

/// <summary>Finds unused loopback ports for the processes the benchmark starts.</summary>
internal static class LoopbackPorts
{
    /// <summary>A port nothing listens on right now (the OS picked it for a listener we closed).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

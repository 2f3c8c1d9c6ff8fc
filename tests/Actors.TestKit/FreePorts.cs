using System.Net;
using System.Net.Sockets;

namespace Actors.TestKit;

/// <summary>Finds unused loopback ports for silos started by tests.</summary>
public static class FreePorts
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

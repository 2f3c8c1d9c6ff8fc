using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Actors.TestKit;

/// <summary>Finds unused loopback ports for silos started by tests.</summary>
public static class FreePorts
{
    // The OS may hand the same just-released port to two consecutive probes; a port is given out once per process.
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    /// <summary>A port nothing listens on right now (the OS picked it for a listener we closed), never returned before by this process.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (HandedOut.TryAdd(port, true))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No unused loopback port found in 1,000 attempts.");
    }
}

using System.Net;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Hosting;

/// <summary>This silo's identity, fixed at start: its generation is the start time, so a restart is a new silo.</summary>
internal sealed class LocalSiloDetails : ILocalSiloDetails
{
    public LocalSiloDetails(IOptions<SiloOptions> options, TimeProvider time)
    {
        var silo = options.Value;
        ClusterId = silo.ClusterId;
        NodeName = silo.NodeName;
        SiloAddress = new SiloAddress(new IPEndPoint(IPAddress.Parse(silo.AdvertisedAddress), silo.SiloPort), time.GetUtcNow().ToUnixTimeMilliseconds());
        GatewayPort = silo.GatewayPort;
        SiloName = $"{silo.NodeName}:{silo.SiloPort}";
    }

    public SiloAddress SiloAddress { get; }

    public string ClusterId { get; }

    public string NodeName { get; }

    public int GatewayPort { get; }

    public string SiloName { get; }
}

using Actors.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Actors.Silo.Tests;

/// <summary>The silo in-process with the embedded default, on a fresh cluster id and free silo ports.</summary>
public sealed class SiloApiFactory : WebApplicationFactory<Program>
{
    public string ClusterId { get; } = "api-" + Guid.NewGuid().ToString("N")[..8];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Actors:Silo:ClusterId", ClusterId);
        builder.UseSetting("Actors:Silo:NodeName", "api-node");
        builder.UseSetting("Actors:Silo:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Actors:Silo:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

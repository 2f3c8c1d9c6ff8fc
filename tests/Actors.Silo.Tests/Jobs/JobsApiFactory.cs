using System.Globalization;
using Actors.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Actors.Silo.Tests.Jobs;

/// <summary>
/// The silo in-process (embedded default) with a small body limit, so the 413 paths are cheap to reach, and no grace
/// period for <c>/v1/run</c>, so a run that cannot finish answers 202 after its own timeout.
/// </summary>
public sealed class JobsApiFactory : WebApplicationFactory<Program>
{
    /// <summary>The body limit these tests run with (above the 64 KiB inline-input bound, so large inputs are reachable).</summary>
    public const int MaxBodyBytes = 256 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Actors:Silo:ClusterId", "jobs-" + Guid.NewGuid().ToString("N")[..8]);
        builder.UseSetting("Actors:Silo:NodeName", "jobs-api-node");
        builder.UseSetting("Actors:Silo:SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Actors:Silo:GatewayPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Actors:Api:MaxRequestBodyBytes", MaxBodyBytes.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Actors:Api:RunGraceSeconds", "0");
    }
}

using System.Globalization;
using Actors.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Silo.Tests.Coordination;

/// <summary>
/// The silo in-process (embedded default) with a short key/value history, so that a watch from an old revision is
/// refused with 410 after a few writes.
/// </summary>
public sealed class CoordinationApiFactory : WebApplicationFactory<Program>
{
    /// <summary>How many revisions the store keeps for watches in these tests.</summary>
    public const int HistoryRetention = 16;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Actors:Silo:ClusterId", "coord-" + Guid.NewGuid().ToString("N")[..8]);
        builder.UseSetting("Actors:Silo:NodeName", "coord-api-node");
        builder.UseSetting("Actors:Silo:SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Actors:Silo:GatewayPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Actors:KeyValue:HistoryRetention", HistoryRetention.ToString(CultureInfo.InvariantCulture));
        // Idempotent (TryAdd): the silo host registers the same store.
        builder.ConfigureServices(services => services.AddInMemoryKeyValueStore());
    }
}

using System.Globalization;
using Actors.Runtime.Hosting;
using Actors.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>Builds (without starting) a silo host on loopback, configured by the test.</summary>
internal static class SiloHosts
{
    public static IHost Build(string clusterId, Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Actors:Silo:ClusterId"] = clusterId,
            ["Actors:Silo:NodeName"] = "node0",
            ["Actors:Silo:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Actors:Silo:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        });
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.UseActorsSilo(configure);
        return builder.Build();
    }
}

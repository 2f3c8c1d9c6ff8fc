using Actors.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>Makes a host (a generic host or a web application) a silo.</summary>
public static class ActorsSiloHostApplicationBuilderExtensions
{
    /// <summary>
    /// Runs a silo in this host, configured from the host's configuration (sections under <c>Actors</c>) and
    /// <paramref name="configure"/>. The silo starts and stops with the host.
    /// </summary>
    public static IHostApplicationBuilder UseActorsSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddActorsSilo(builder.Configuration, configure);
        return builder;
    }
}

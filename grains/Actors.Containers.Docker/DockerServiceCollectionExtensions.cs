using Actors.Containers.Docker;
using Actors.Containers.Docker.Engine;
using Actors.Grains.Containers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Docker Engine adapter as the container runtime.</summary>
public static class DockerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IContainerRuntime"/> (a singleton, unless one is registered already) on the Docker engine
    /// described by <see cref="DockerOptions"/>, validated at host start. Calling it again only adds configuration.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (endpoint, registry, timeouts); null keeps the defaults.</param>
    public static IServiceCollection AddDockerContainerRuntime(this IServiceCollection services, Action<DockerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DockerOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddLogging();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DockerOptions>, DockerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DockerEngineClient>();
        services.TryAddSingleton<IContainerRuntime, DockerContainerRuntime>();
        return services;
    }
}

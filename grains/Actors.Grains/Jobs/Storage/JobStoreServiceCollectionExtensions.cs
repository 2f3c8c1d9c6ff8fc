using Actors.Grains.Jobs.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the job store of the embedded single silo.</summary>
public static class JobStoreServiceCollectionExtensions
{
    /// <summary>
    /// Keeps jobs in memory (<see cref="InMemoryJobStore"/>) unless another <see cref="IJobStore"/> is registered
    /// already; idempotent. A later AddPostgreSqlJobStore replaces it.
    /// </summary>
    public static IServiceCollection AddInMemoryJobStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IJobStore, InMemoryJobStore>();
        return services;
    }
}

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the coordination grains (sessions, locks, semaphores, elections, key/value store, services) need.</summary>
public static class CoordinationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the coordination services: an in-memory key/value store unless another is registered (cluster mode adds the
    /// PostgreSQL one). The other coordination grains keep their state in the default grain storage.
    /// </summary>
    public static IServiceCollection AddCoordination(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddInMemoryKeyValueStore();
        return services;
    }
}

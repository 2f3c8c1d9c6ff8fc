using Actors.Grains.Coordination.KeyValue;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the key/value store grain's storage.</summary>
public static class KeyValueServiceCollectionExtensions
{
    /// <summary>
    /// Keeps the key/value store in memory (<see cref="InMemoryKeyValueStore"/>) unless another <see cref="IKeyValueStore"/>
    /// is registered; the history retention comes from <c>Actors:KeyValue:HistoryRetention</c> (default 100,000 revisions).
    /// </summary>
    public static IServiceCollection AddInMemoryKeyValueStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<KeyValueStoreOptions>().BindConfiguration(KeyValueStoreOptions.SectionName);
        services.TryAddSingleton<IKeyValueStore>(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<KeyValueStoreOptions>>().Value;
            options.Validate();
            return new InMemoryKeyValueStore(options.HistoryRetention);
        });
        return services;
    }
}

using Actors.Runtime.Hosting;

namespace Actors.Grains.PostgreSql.Coordination;

/// <summary>Migrates the key/value store's schema when a silo starts (stage <see cref="SiloLifecycleStage.RuntimeStorage"/>).</summary>
internal sealed class KeyValueStoreSchemaLifecycle(PostgreSqlKeyValueStore store) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly PostgreSqlKeyValueStore _store = store;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(KeyValueStoreSchemaLifecycle), SiloLifecycleStage.RuntimeStorage, _store.EnsureSchemaAsync);
    }
}

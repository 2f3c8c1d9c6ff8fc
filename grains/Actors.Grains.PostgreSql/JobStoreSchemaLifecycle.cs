using Actors.Runtime.Hosting;

namespace Actors.Grains.PostgreSql;

/// <summary>
/// Migrates the job store's schema when a silo starts (stage <see cref="SiloLifecycleStage.RuntimeStorage"/>, beside
/// the runtime's own migration), so an unreachable or broken jobs database stops the start instead of the first
/// submission. Outside a silo the store migrates on first use.
/// </summary>
internal sealed class JobStoreSchemaLifecycle(PostgreSqlJobStore store) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly PostgreSqlJobStore _store = store;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(JobStoreSchemaLifecycle), SiloLifecycleStage.RuntimeStorage, _store.EnsureSchemaAsync);
    }
}

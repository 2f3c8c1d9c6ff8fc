namespace Actors.GrainInterfaces.Coordination.Sessions;

/// <summary>The kinds of grains that bind to sessions.</summary>
public enum SessionBindingKind
{
    /// <summary>An <see cref="Locks.ILockGrain"/>.</summary>
    Lock,

    /// <summary>An <see cref="Locks.ISemaphoreGrain"/>.</summary>
    Semaphore,

    /// <summary>An <see cref="Elections.IElectionGrain"/>.</summary>
    Election,

    /// <summary>An <see cref="KeyValue.IKeyValueGrain"/> (ephemeral keys).</summary>
    KeyValue,

    /// <summary>An <see cref="Discovery.IServiceGrain"/> (service instances).</summary>
    Service,
}

namespace Actors.Persistence;

/// <summary>
/// A grain state storage provider. Writes and clears are conditional on the ETag the caller holds: a mismatch
/// throws <see cref="InconsistentStateException"/> and changes nothing. A null ETag means "nothing stored yet".
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads state into <paramref name="grainState"/> (a new <typeparamref name="TState"/> and null ETag when absent).</summary>
    Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken);

    /// <summary>Writes state and sets the new ETag.</summary>
    Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken);

    /// <summary>Deletes state; afterwards the ETag is null and <see cref="IGrainState{TState}.RecordExists"/> false.</summary>
    Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken);
}

using Actors.Persistence;
using Actors.Placement;

namespace Actors.Cluster.TestGrains;

[PreferLocalPlacement]
public sealed class LocalCounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ILocalCounterGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    public async Task<SiloInfo> IncrementAsync()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return new SiloInfo(RuntimeIdentity, _activationId, state.State.Value);
    }

    public Task<SiloInfo> GetAsync() => Task.FromResult(new SiloInfo(RuntimeIdentity, _activationId, state.State.Value));
}

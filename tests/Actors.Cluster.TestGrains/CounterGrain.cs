using Actors.Persistence;

namespace Actors.Cluster.TestGrains;

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICounterGrain
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

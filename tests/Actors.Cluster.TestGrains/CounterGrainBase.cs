using Actors.Persistence;

namespace Actors.Cluster.TestGrains;

/// <summary>A durable counter; subclasses differ only in placement.</summary>
public abstract class CounterGrainBase(IPersistentState<CounterState> state) : Grain
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

using Actors.Persistence;

namespace Actors.Cluster.TestGrains;

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : CounterGrainBase(state), ICounterGrain;

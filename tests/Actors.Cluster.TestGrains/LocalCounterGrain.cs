using Actors.Persistence;
using Actors.Placement;

namespace Actors.Cluster.TestGrains;

[PreferLocalPlacement]
public sealed class LocalCounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : CounterGrainBase(state), ILocalCounterGrain;

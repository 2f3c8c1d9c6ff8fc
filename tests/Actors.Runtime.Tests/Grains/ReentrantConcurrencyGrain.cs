using Actors.TestKit;

namespace Actors.Runtime.Tests.Grains;

[Reentrant]
public sealed class ReentrantConcurrencyGrain(Probe probe) : ConcurrencyGrainBase(probe), IReentrantConcurrencyGrain;

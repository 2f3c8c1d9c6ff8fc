using Actors.TestKit;

namespace Actors.Runtime.Tests.Grains;

public sealed class ConcurrencyGrain(Probe probe) : ConcurrencyGrainBase(probe), IConcurrencyGrain;

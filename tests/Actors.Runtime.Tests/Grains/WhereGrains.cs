using Actors.Placement;

namespace Actors.Runtime.Tests.Grains;

// One class per placement strategy; tests pick one with GetGrain's class-name prefix.
public sealed class RandomWhereGrain : WhereGrainBase;

[PreferLocalPlacement]
public sealed class PreferLocalWhereGrain : WhereGrainBase;

[HashBasedPlacement]
public sealed class HashWhereGrain : WhereGrainBase;

[ActivationCountBasedPlacement]
public sealed class CountWhereGrain : WhereGrainBase;

[NodePinnedPlacement]
public sealed class PinnedWhereGrain : WhereGrainBase;

namespace Actors;

/// <summary>
/// Declares a type immutable: in-silo calls pass its instances by reference instead of copying them.
/// Records whose members are all init-only and of immutable types are recognised without it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class ImmutableAttribute : Attribute;

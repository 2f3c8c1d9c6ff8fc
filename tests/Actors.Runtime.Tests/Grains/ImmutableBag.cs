using System.Collections.Immutable;

namespace Actors.Runtime.Tests.Grains;

/// <summary>A record of immutable members: passed between activations without a copy.</summary>
public sealed record ImmutableBag(string Name, ImmutableArray<int> Items);

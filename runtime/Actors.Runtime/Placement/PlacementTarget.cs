using Actors.Placement;

namespace Actors.Runtime.Placement;

/// <summary>The grain being placed and its class's strategy.</summary>
public readonly record struct PlacementTarget(GrainId GrainId, PlacementStrategy Strategy);

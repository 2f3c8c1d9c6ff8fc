namespace Actors.Placement;

/// <summary>A way of choosing a silo for a new activation. Custom strategies derive from this and register a director.</summary>
public abstract class PlacementStrategy
{
    /// <summary>A name for logs and the directory.</summary>
    public virtual string Name => GetType().Name;

    /// <inheritdoc />
    public override string ToString() => Name;
}

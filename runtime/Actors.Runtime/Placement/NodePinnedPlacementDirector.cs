namespace Actors.Runtime.Placement;

/// <summary>
/// A grain keyed by a node name lives only on the active silo of that node. When that node has no active silo the
/// call fails with <see cref="NodeOfflineException"/>: the grain drives that machine, so it must never activate elsewhere.
/// </summary>
internal sealed class NodePinnedPlacementDirector : IPlacementDirector
{
    public SiloAddress Place(PlacementTarget target, IPlacementContext context)
    {
        var node = target.GrainId.Key;
        if (context.View.FindActiveByNode(node) is not { } entry)
        {
            var status = context.View.Entries
                .Where(e => string.Equals(e.NodeName, node, StringComparison.Ordinal))
                .OrderByDescending(e => e.Silo.Generation)
                .FirstOrDefault()?.Status;
            throw new NodeOfflineException(node, status is null
                ? $"Node '{node}' has no silo in the cluster; {target.GrainId} is pinned to it and activates nowhere else."
                : $"Node '{node}' is offline (its silo is {status}); {target.GrainId} is pinned to it and activates nowhere else.");
        }

        if (!context.CompatibleSilos.Any(e => e.Silo.Equals(entry.Silo)))
        {
            throw new NodeOfflineException(node, $"The silo of node '{node}' ({entry.Silo}) does not host grain type {target.GrainId.Type}.");
        }

        return entry.Silo;
    }
}

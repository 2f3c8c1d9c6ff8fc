using Actors.GrainInterfaces.Jobs;

namespace Actors.Silo.Endpoints.Nodes;

/// <summary>What <c>GET /v1/nodes</c> answers.</summary>
/// <param name="Nodes">The executor nodes the scheduler knows, with their last reports.</param>
internal sealed record NodeListResponse(IReadOnlyList<NodeStatus> Nodes);

using Actors.GrainInterfaces.Jobs;

namespace Actors.Client.Http;

/// <summary>The body of <c>GET /v1/nodes</c>.</summary>
/// <param name="Nodes">The executor nodes.</param>
internal sealed record NodeList(IReadOnlyList<NodeStatus> Nodes);

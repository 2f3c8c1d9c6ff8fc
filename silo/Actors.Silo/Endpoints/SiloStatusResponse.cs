namespace Actors.Silo.Endpoints;

/// <summary>What <c>GET /v1/silo</c> answers.</summary>
/// <param name="ClusterId">The cluster this silo belongs to.</param>
/// <param name="NodeName">The node (VM) it runs on.</param>
/// <param name="SiloAddress">Its silo endpoint and generation.</param>
/// <param name="Storage">Where state and reminders live: memory or postgresql.</param>
/// <param name="Activations">Activations in this silo now.</param>
/// <param name="PendingCalls">Calls it sent and still waits on.</param>
/// <param name="StartedAt">When it started (UTC).</param>
public sealed record SiloStatusResponse(
    string ClusterId,
    string NodeName,
    string SiloAddress,
    string Storage,
    int Activations,
    int PendingCalls,
    DateTimeOffset StartedAt);

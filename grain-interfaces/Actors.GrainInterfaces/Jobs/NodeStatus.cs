namespace Actors.GrainInterfaces.Jobs;

/// <summary>An executor node as it reports itself.</summary>
/// <param name="Node">The node name (the ExecutorNode grain's key).</param>
/// <param name="Silo">The silo it runs on.</param>
/// <param name="EngineAvailable">Whether its container engine answers.</param>
/// <param name="EngineDetail">The engine's version, or why it is unavailable.</param>
/// <param name="Capacity">What the node offers in total.</param>
/// <param name="Free">What is free now.</param>
/// <param name="Running">The attempts it runs now.</param>
/// <param name="ReportedAt">When this was reported.</param>
public sealed record NodeStatus(
    string Node,
    string Silo,
    bool EngineAvailable,
    string? EngineDetail,
    NodeCapacity Capacity,
    NodeCapacity Free,
    IReadOnlyList<RunningJob> Running,
    DateTimeOffset ReportedAt);

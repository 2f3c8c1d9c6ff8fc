namespace Actors.GrainInterfaces.Jobs;

/// <summary>An executor node as it reports itself.</summary>
/// <param name="Node">The node name (the ExecutorNode grain's key).</param>
/// <param name="Silo">The silo it runs on.</param>
/// <param name="EngineAvailable">Whether its container engine answers.</param>
/// <param name="EngineDetail">The engine's version, or why it is unavailable.</param>
/// <param name="Capacity">What the node offers in total.</param>
/// <param name="Free">What is free now.</param>
/// <param name="Running">The attempts it runs now.</param>
/// <param name="Images">The images present on the node's engine (repository:tag).</param>
/// <param name="CanPull">Whether the node can pull absent images from a configured registry.</param>
/// <param name="Online">Whether the node's silo is active and its reports are fresh (set by the scheduler).</param>
/// <param name="ReportedAt">When this was reported.</param>
public sealed record NodeStatus(
    string Node,
    string Silo,
    bool EngineAvailable,
    string? EngineDetail,
    NodeCapacity Capacity,
    NodeCapacity Free,
    IReadOnlyList<RunningJob> Running,
    IReadOnlyList<string> Images,
    bool CanPull,
    bool Online,
    DateTimeOffset ReportedAt);

namespace Actors.GrainInterfaces.Coordination.Discovery;

/// <summary>An instance to register.</summary>
/// <param name="InstanceId">Unique within the service.</param>
/// <param name="Address">Where it listens (host name or IP).</param>
/// <param name="Port">Its port (1 to 65535).</param>
/// <param name="Tags">Free tags.</param>
/// <param name="Metadata">Free key/value metadata.</param>
/// <param name="SessionId">Binds the instance to a session; null for none.</param>
/// <param name="Check">How its health is judged; null: passing while registered (and its session lives).</param>
public sealed record ServiceRegistration(
    string InstanceId,
    string Address,
    int Port,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Metadata,
    string? SessionId,
    HealthCheck? Check);

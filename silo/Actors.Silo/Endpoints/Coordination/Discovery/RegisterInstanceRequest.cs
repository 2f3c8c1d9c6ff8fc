namespace Actors.Silo.Endpoints.Coordination.Discovery;

/// <summary>The body of <c>PUT /v1/services/{name}/instances/{id}</c>.</summary>
/// <param name="Address">Where the instance listens (host name or IP).</param>
/// <param name="Port">Its port (1 to 65535).</param>
/// <param name="Tags">Free tags.</param>
/// <param name="Metadata">Free key/value metadata.</param>
/// <param name="Session">Binds the instance to a session: it vanishes when the session ends.</param>
/// <param name="Check">How its health is judged; absent: passing while registered.</param>
internal sealed record RegisterInstanceRequest(
    string? Address,
    int? Port,
    List<string>? Tags,
    Dictionary<string, string>? Metadata,
    string? Session,
    HealthCheckRequest? Check);

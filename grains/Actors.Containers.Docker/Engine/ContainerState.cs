using System.Text.Json.Serialization;

namespace Actors.Containers.Docker.Engine;

/// <summary>A container's state as the engine reports it.</summary>
internal sealed class ContainerState
{
    public string? Status { get; init; }

    public bool Running { get; init; }

    /// <summary>Whether the kernel's OOM killer killed a process of the container.</summary>
    [JsonPropertyName("OOMKilled")]
    public bool OomKilled { get; init; }

    public long ExitCode { get; init; }

    /// <summary>Why the engine could not start the container (empty otherwise).</summary>
    public string? Error { get; init; }

    /// <summary>RFC 3339 with nanoseconds; <c>0001-01-01T00:00:00Z</c> when it never started.</summary>
    public string? StartedAt { get; init; }

    /// <summary>RFC 3339 with nanoseconds; <c>0001-01-01T00:00:00Z</c> while it runs.</summary>
    public string? FinishedAt { get; init; }
}

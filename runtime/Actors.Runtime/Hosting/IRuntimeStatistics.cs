namespace Actors.Runtime.Hosting;

/// <summary>Live figures of this silo's runtime (for status endpoints and the dashboard).</summary>
public interface IRuntimeStatistics
{
    /// <summary>Activations in this silo now.</summary>
    int ActivationCount { get; }

    /// <summary>Calls this silo sent and still waits on.</summary>
    int PendingCalls { get; }

    /// <summary>When the silo process started (UTC).</summary>
    DateTimeOffset StartedAt { get; }
}

using System.Net;

namespace Actors.Client;

/// <summary>
/// A <see cref="ClusterClient"/> could not connect: no gateway it tried answered, or every one refused it (another
/// cluster id, shutting down). The message lists each endpoint tried and why it failed.
/// </summary>
public sealed class ClusterConnectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClusterConnectionException()
        : base("Could not connect to the cluster.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ClusterConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ClusterConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed attempt on each of <paramref name="failures"/>.</summary>
    /// <param name="clusterId">The cluster the client tried to join.</param>
    /// <param name="failures">Each gateway tried, in order, and why it failed.</param>
    public ClusterConnectionException(string clusterId, IReadOnlyList<(IPEndPoint Gateway, Exception Error)> failures)
        : base(Describe(clusterId, failures), failures is [.., var last] ? last.Error : null)
    {
        TriedGateways = [.. failures.Select(static f => f.Gateway)];
    }

    /// <summary>The gateways tried, in order; empty when unknown.</summary>
    public IReadOnlyList<IPEndPoint> TriedGateways { get; } = [];

    private static string Describe(string clusterId, IReadOnlyList<(IPEndPoint Gateway, Exception Error)> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return $"Could not connect to any gateway of cluster '{clusterId}'. Tried {failures.Count}: "
            + string.Join("; ", failures.Select(static f => $"{f.Gateway} ({f.Error.Message})"));
    }
}

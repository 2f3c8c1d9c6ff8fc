namespace Actors.Transport;

/// <summary>
/// What each end of a new connection says about itself before any frame: its role, its cluster and who it is.
/// The connecting end sends its preamble first; the listening end answers with its own or with a refusal.
/// </summary>
/// <param name="Role">Silo or client.</param>
/// <param name="ClusterId">The cluster the end belongs to; ends of different clusters should refuse each other.</param>
/// <param name="Silo">The silo's address (endpoint and generation) when <paramref name="Role"/> is a silo, else usually null.</param>
/// <param name="ClientId">The client's id when <paramref name="Role"/> is a client, else usually null.</param>
public sealed record ConnectionPreamble(ConnectionRole Role, string ClusterId, SiloAddress? Silo, string? ClientId)
{
    /// <inheritdoc />
    public override string ToString() =>
        Role == ConnectionRole.Silo ? $"silo {Silo?.ToString() ?? "(unknown)"} of cluster {ClusterId}" : $"client {ClientId ?? "(anonymous)"} of cluster {ClusterId}";
}

namespace Actors.Runtime.Membership;

/// <summary>Probes other silos over the silo-to-silo connections (implemented by messaging).</summary>
internal interface ISiloProber
{
    /// <summary>True when <paramref name="target"/> answers a ping within <paramref name="timeout"/>.</summary>
    Task<bool> ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Asks <paramref name="intermediary"/> to ping <paramref name="target"/>: true when the target answered it. Tells
    /// a dead target from a broken link between this silo and the target.
    /// </summary>
    Task<bool> ProbeIndirectlyAsync(SiloAddress intermediary, SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken);
}

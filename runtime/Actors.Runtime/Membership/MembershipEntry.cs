namespace Actors.Runtime.Membership;

/// <summary>One silo's row in the membership table.</summary>
/// <param name="Silo">The silo (its silo endpoint and generation): the row's key.</param>
/// <param name="HostName">The machine's host name.</param>
/// <param name="NodeName">The node (VM) name; node-pinned grains keyed by it live on this silo.</param>
/// <param name="GatewayPort">The port clients connect to on the silo's address.</param>
/// <param name="Status">Joining, Active, ShuttingDown or Dead.</param>
/// <param name="StartTime">When the silo process started.</param>
/// <param name="IAmAliveTime">The silo's last heartbeat; a stale one is evidence of death.</param>
/// <param name="Suspicions">Votes of other silos that this one is dead.</param>
/// <param name="GrainTypes">The grain types this silo can activate (placement only picks silos that can).</param>
/// <param name="ActivationCount">The silo's activation count at its last heartbeat (activation-count placement).</param>
public sealed record MembershipEntry(
    SiloAddress Silo,
    string HostName,
    string NodeName,
    int GatewayPort,
    SiloStatus Status,
    DateTimeOffset StartTime,
    DateTimeOffset IAmAliveTime,
    IReadOnlyList<SuspicionVote> Suspicions,
    IReadOnlyList<string> GrainTypes,
    int ActivationCount)
{
    /// <summary>True for Joining, Active and ShuttingDown: the silo may still answer.</summary>
    public bool IsAlive => Status is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown;

    /// <inheritdoc />
    public override string ToString() => $"{Silo} ({NodeName}) {Status}";
}

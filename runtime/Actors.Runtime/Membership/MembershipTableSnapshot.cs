namespace Actors.Runtime.Membership;

/// <summary>
/// The whole membership table of one cluster at one table version. Every insert and status or suspicion update
/// increments the version (heartbeats do not), so silos that read the same version agree on the membership.
/// </summary>
public sealed record MembershipTableSnapshot(long Version, IReadOnlyList<MembershipRow> Rows)
{
    /// <summary>The row of <paramref name="silo"/>, or null.</summary>
    public MembershipRow? Find(SiloAddress silo) => Rows.FirstOrDefault(r => r.Entry.Silo.Equals(silo));
}

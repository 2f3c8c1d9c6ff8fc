namespace Actors.Runtime.Membership;

/// <summary>
/// Tells the other live silos that this one changed the membership table, so they read it now instead of at their
/// next refresh: joins, leaves and deaths spread in a round trip rather than a refresh period. Only a hint; the
/// table stays the truth and the periodic refresh still runs.
/// </summary>
internal interface IMembershipGossip
{
    /// <summary>Sends the hint to every live silo of <paramref name="view"/> but this one.</summary>
    void Announce(MembershipView view);
}

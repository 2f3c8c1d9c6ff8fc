namespace Actors.Runtime.Membership;

/// <summary>A part of the runtime that reacts when the membership view changes (called in version order, one at a time; keep it quick).</summary>
internal interface IMembershipListener
{
    void OnMembershipChanged(MembershipView previous, MembershipView current);
}

namespace Actors.Runtime.Membership;

/// <summary>The silo's current view of the cluster.</summary>
public interface IClusterMembershipService
{
    /// <summary>The latest view this silo has read.</summary>
    MembershipView CurrentView { get; }
}

namespace Actors.Runtime.Membership;

/// <summary>Where a silo is in its life, as the membership table records it. Values are stored: do not renumber.</summary>
public enum SiloStatus
{
    /// <summary>No row (never written).</summary>
    None = 0,

    /// <summary>Registered; checking it can reach the active silos. Takes no activations yet.</summary>
    Joining = 1,

    /// <summary>Serving.</summary>
    Active = 2,

    /// <summary>Stopping gracefully: hands its activations back, takes no new ones.</summary>
    ShuttingDown = 3,

    /// <summary>Gone, by a graceful stop or by the cluster's declaration. Final: a dead silo never comes back (a restart is a new generation).</summary>
    Dead = 4,
}

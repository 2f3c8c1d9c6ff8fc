namespace Actors.GrainInterfaces.Coordination.Locks;

/// <summary>The answer to an acquire. Outcomes are values, not exceptions.</summary>
/// <param name="Outcome">Granted, or why not.</param>
/// <param name="Token">The fencing token when granted.</param>
/// <param name="Detail">Why not, in words.</param>
public sealed record LockGrant(LockOutcome Outcome, long? Token, string? Detail)
{
    /// <summary>True when the lock (or permit) is held now.</summary>
    public bool Granted => Outcome == LockOutcome.Granted;
}

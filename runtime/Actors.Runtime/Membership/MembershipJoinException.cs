namespace Actors.Runtime.Membership;

/// <summary>The silo could not join its cluster (it cannot reach the active silos, or it was declared dead while joining).</summary>
public sealed class MembershipJoinException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MembershipJoinException()
        : base("The silo could not join its cluster.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public MembershipJoinException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public MembershipJoinException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

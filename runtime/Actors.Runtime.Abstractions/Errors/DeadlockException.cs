namespace Actors;

/// <summary>
/// A call would wait on a grain that is itself waiting, through the chain of calls, on this call: a cycle of
/// non-reentrant grains. Raised at once instead of letting every call in the chain time out.
/// </summary>
public sealed class DeadlockException : Exception
{
    /// <summary>Creates the exception for a chain of grains, first caller first.</summary>
    public DeadlockException(IReadOnlyList<GrainId> callChain)
        : base("Call cycle among non-reentrant grains: " + string.Join(" -> ", callChain) +
               ". Mark a grain [Reentrant] or a method [AlwaysInterleave], or break the cycle.")
    {
        CallChain = callChain;
    }

    /// <summary>Creates the exception.</summary>
    public DeadlockException()
        : this("Call cycle among non-reentrant grains.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public DeadlockException(string message)
        : base(message)
    {
        CallChain = [];
    }

    /// <summary>Creates the exception.</summary>
    public DeadlockException(string message, Exception innerException)
        : base(message, innerException)
    {
        CallChain = [];
    }

    /// <summary>The grains in the cycle, first caller first, ending with the grain called again.</summary>
    public IReadOnlyList<GrainId> CallChain { get; } = [];
}

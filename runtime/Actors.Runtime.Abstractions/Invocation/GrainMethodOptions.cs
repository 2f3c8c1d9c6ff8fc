namespace Actors.Invocation;

/// <summary>How the runtime may schedule and deliver calls of one grain method (from its interface's attributes).</summary>
[Flags]
public enum GrainMethodOptions
{
    /// <summary>An ordinary request: one at a time on a non-reentrant grain, with a response.</summary>
    None = 0,

    /// <summary><see cref="ReadOnlyAttribute"/>: may interleave with other read-only requests.</summary>
    ReadOnly = 1,

    /// <summary><see cref="AlwaysInterleaveAttribute"/>: may interleave with any request.</summary>
    AlwaysInterleave = 2,

    /// <summary><see cref="OneWayAttribute"/>: no response; the caller's task completes when the message is sent.</summary>
    OneWay = 4,

    /// <summary>The method takes a <see cref="System.Threading.CancellationToken"/>: the runtime passes one that is cancelled
    /// when the caller cancels or the call's deadline passes.</summary>
    AcceptsCancellation = 8,
}

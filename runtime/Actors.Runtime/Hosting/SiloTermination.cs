namespace Actors.Runtime.Hosting;

/// <summary>Why the silo stopped itself, if it did: the host turns a fatal stop into a non-zero exit code.</summary>
public sealed class SiloTermination
{
    /// <summary>The exit code a host should end with after a fatal stop (for example when the cluster declared the silo dead).</summary>
    public const int FatalExitCode = 3;

    private string? _fatalReason;

    /// <summary>The reason of the fatal stop, or null when the silo stopped normally (or still runs).</summary>
    public string? FatalReason => Volatile.Read(ref _fatalReason);

    /// <summary>Records the first fatal reason.</summary>
    public void RecordFatal(string reason) => Interlocked.CompareExchange(ref _fatalReason, reason, null);
}

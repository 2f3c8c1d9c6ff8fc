namespace Actors.Benchmarks.Coordination;

/// <summary>A coordination call answered with an unexpected status: <see cref="Kind"/> ("500", "timeout") tallies it.</summary>
internal sealed class CoordinationCallException : Exception
{
    public CoordinationCallException()
    {
        Kind = "error";
    }

    public CoordinationCallException(string message)
        : base(message)
    {
        Kind = "error";
    }

    public CoordinationCallException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = "error";
    }

    public CoordinationCallException(string kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary>What went wrong, short: the HTTP status code, or "timeout".</summary>
    public string Kind { get; }
}

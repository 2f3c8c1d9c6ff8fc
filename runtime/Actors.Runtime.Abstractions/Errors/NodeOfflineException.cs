namespace Actors;

/// <summary>A grain pinned to a node was called while that node has no active silo; it activates nowhere else.</summary>
public sealed class NodeOfflineException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NodeOfflineException()
        : base("The node is offline.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public NodeOfflineException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public NodeOfflineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="nodeName"/>.</summary>
    public NodeOfflineException(string nodeName, string message)
        : base(message)
    {
        NodeName = nodeName;
    }

    /// <summary>The offline node, when known.</summary>
    public string? NodeName { get; }
}

namespace Actors.GrainInterfaces.Coordination.KeyValue;

/// <summary>How a put or delete ended.</summary>
public enum KvWriteOutcome
{
    /// <summary>Written (durable) at <see cref="KvWriteResult.Revision"/>.</summary>
    Written,

    /// <summary>Compare-and-set lost: the key's revision was not the expected one; nothing changed.</summary>
    RevisionMismatch,

    /// <summary>A delete of a key that does not exist; nothing changed.</summary>
    NotFound,

    /// <summary>An ephemeral put named a session that is unknown or ended; nothing changed.</summary>
    SessionUnknown,
}

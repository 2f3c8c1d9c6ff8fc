namespace Actors.GrainInterfaces.Coordination.KeyValue;

/// <summary>What a change did.</summary>
public enum KvEventType
{
    /// <summary>The key was created or written.</summary>
    Put,

    /// <summary>The key was deleted (explicitly, or because its session ended).</summary>
    Delete,
}

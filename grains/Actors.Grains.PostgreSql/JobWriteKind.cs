namespace Actors.Grains.PostgreSql;

/// <summary>What a queued write does.</summary>
internal enum JobWriteKind
{
    /// <summary>Inserts a job unless its id exists.</summary>
    Insert,

    /// <summary>Replaces a job at its expected version.</summary>
    Update,

    /// <summary>Stores (or replaces) an input or output blob.</summary>
    PutBlob,
}

namespace Actors.Runtime.PostgreSql;

/// <summary>What a batched <see cref="GrainStateWrite"/> came to.</summary>
/// <param name="Version">The version written; null when the write was refused or did not run.</param>
/// <param name="RunAlone">
/// True when the batch's statement failed in the database (nothing of it was written): the caller runs its write
/// alone, so that only a write that is itself at fault (say, a payload jsonb refuses) fails, with its own error.
/// </param>
/// <param name="Error">Set when the outcome is unknown (the connection failed): the caller fails with it.</param>
internal readonly record struct GrainStateWriteOutcome(long? Version, bool RunAlone, Exception? Error)
{
    /// <summary>The write is committed at <paramref name="version"/>.</summary>
    public static GrainStateWriteOutcome Written(long version) => new(version, RunAlone: false, Error: null);

    /// <summary>The database refused the write's condition: the record is not at the version the writer holds (or, without one, is live).</summary>
    public static GrainStateWriteOutcome Refused => new(null, RunAlone: false, Error: null);

    /// <summary>The batch failed in the database and wrote nothing; the write is to be run alone.</summary>
    public static GrainStateWriteOutcome Alone => new(null, RunAlone: true, Error: null);

    /// <summary>The batch failed with <paramref name="error"/> and may or may not have committed.</summary>
    public static GrainStateWriteOutcome Failed(Exception error) => new(null, RunAlone: false, error);
}

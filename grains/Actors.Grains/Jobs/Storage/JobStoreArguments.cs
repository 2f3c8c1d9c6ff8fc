using Actors.GrainInterfaces.Jobs;

namespace Actors.Grains.Jobs.Storage;

/// <summary>
/// The argument checks every <see cref="IJobStore"/> makes, so that the in-memory and the PostgreSQL store refuse the
/// same input with the same exception (an <see cref="ArgumentException"/> naming the field) instead of one storing
/// what the other cannot.
/// </summary>
public static class JobStoreArguments
{
    /// <summary>The longest job id, in UTF-16 characters (ids are primary keys; PostgreSQL caps index entries near 2.7 KB).</summary>
    public const int MaxJobIdLength = 256;

    /// <summary>The largest <see cref="JobQuery.Limit"/>.</summary>
    public const int MaxListLimit = 1000;

    /// <summary>
    /// Checks a job before it is stored: an id of 1 to <see cref="MaxJobIdLength"/> characters of valid UTF-16, a spec,
    /// an attempt list, defined enum values, and no U+0000 in any string (PostgreSQL's jsonb and text cannot hold it:
    /// strip it from container output such as the stderr tail before storing) or lone surrogate.
    /// </summary>
    /// <exception cref="ArgumentException">The job is not storable; the message names the field.</exception>
    public static void ValidateJob(JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        ValidateJobId(job.Id);
        if (job.Spec is null || job.Attempts is null)
        {
            throw new ArgumentException($"Job '{job.Id}' has no {(job.Spec is null ? "spec" : "attempt list")}.", nameof(job));
        }

        if (!Enum.IsDefined(job.Status))
        {
            throw new ArgumentException($"Job '{job.Id}' has the undefined status {(int)job.Status}.", nameof(job));
        }

        var spec = job.Spec;
        CheckText(job, "spec.image", spec.Image, required: true);
        CheckText(job, "spec.submitter", spec.Submitter, required: true);
        CheckText(job, "spec.idempotencyKey", spec.IdempotencyKey);
        CheckTexts(job, "spec.command", spec.Command);
        CheckPairs(job, "spec.env", spec.Env);
        CheckPairs(job, "spec.labels", spec.Labels);
        CheckText(job, "node", job.Node);
        CheckText(job, "stderrTail", job.StderrTail);
        CheckText(job, "reason", job.Reason);
        foreach (var attempt in job.Attempts)
        {
            if (attempt is null || (attempt.Outcome is { } outcome && !Enum.IsDefined(outcome)))
            {
                throw new ArgumentException($"Job '{job.Id}' has a missing attempt or one with an undefined outcome.", nameof(job));
            }

            CheckText(job, "attempts.node", attempt.Node, required: true);
            CheckText(job, "attempts.error", attempt.Error);
        }
    }

    /// <summary>Checks an update: a storable job whose version is above the expected (stored) one.</summary>
    /// <exception cref="ArgumentException">The job is not storable, or its version does not advance.</exception>
    public static void ValidateUpdate(JobSnapshot job, long expectedVersion)
    {
        ValidateJob(job);
        if (job.Version <= expectedVersion)
        {
            throw new ArgumentException(
                $"Job '{job.Id}' is written with version {job.Version}, which must be above the expected stored version {expectedVersion}.", nameof(job));
        }
    }

    /// <summary>Checks a job id: 1 to <see cref="MaxJobIdLength"/> characters, valid UTF-16 (no lone surrogate), no U+0000.</summary>
    /// <exception cref="ArgumentException">The id is not storable.</exception>
    public static void ValidateJobId(string jobId)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        if (jobId.Length > MaxJobIdLength)
        {
            throw new ArgumentException($"A job id is at most {MaxJobIdLength} characters; this one has {jobId.Length}.", nameof(jobId));
        }

        if (!IsStorable(jobId))
        {
            throw new ArgumentException("A job id must be valid Unicode text without U+0000.", nameof(jobId));
        }
    }

    /// <summary>Checks an attempt number: 1 or more.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is below 1.</exception>
    public static void ValidateAttempt(int attempt) => ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);

    /// <summary>
    /// Checks a listing request: a limit of 1 to <see cref="MaxListLimit"/>, a defined status, a non-empty label key
    /// when one is given, and a label value only with a key.
    /// </summary>
    /// <exception cref="ArgumentException">The query is not valid (<see cref="ArgumentOutOfRangeException"/> for the limit).</exception>
    public static void ValidateQuery(JobQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxListLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"The listing limit must be 1 to {MaxListLimit}.");
        }

        if (query.Status is { } status && !Enum.IsDefined(status))
        {
            throw new ArgumentException($"The status {(int)status} is not a job status.", nameof(query));
        }

        if (query.LabelKey is not null && (query.LabelKey.Length == 0 || !IsStorable(query.LabelKey)))
        {
            throw new ArgumentException("A label key to filter on must be non-empty text without U+0000.", nameof(query));
        }

        if (query.LabelValue is not null && (query.LabelKey is null || !IsStorable(query.LabelValue)))
        {
            throw new ArgumentException("A label value to filter on needs a label key and must be text without U+0000.", nameof(query));
        }
    }

    private static void CheckText(JobSnapshot job, string field, string? text, bool required = false)
    {
        if (text is null ? required : !IsStorable(text))
        {
            throw new ArgumentException(
                $"Job '{job.Id}': {field} {(text is null ? "is missing" : "contains U+0000 or a lone surrogate, which the job store cannot hold")}.", nameof(job));
        }
    }

    private static bool IsStorable(string text) => !text.Contains('\0', StringComparison.Ordinal) && IsWellFormed(text);

    private static void CheckTexts(JobSnapshot job, string field, IReadOnlyList<string>? texts)
    {
        foreach (var text in texts ?? [])
        {
            CheckText(job, field, text, required: true);
        }
    }

    private static void CheckPairs(JobSnapshot job, string field, IReadOnlyDictionary<string, string>? pairs)
    {
        foreach (var (key, value) in pairs ?? new Dictionary<string, string>())
        {
            CheckText(job, field, key, required: true);
            CheckText(job, field, value, required: true);
        }
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}

namespace Actors.Grains.PostgreSql;

/// <summary>
/// One caller's write waiting in the queue, and the task the caller awaits. A write is either claimed by a writer
/// (then it runs and the caller learns its committed outcome, whatever happens to the caller's token) or cancelled
/// while still queued (then it never runs): cancellation is exact, never "maybe written".
/// </summary>
internal sealed class JobWrite
{
    private const int Queued = 0;
    private const int Claimed = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    private JobWrite(JobWriteKind kind, string jobId, JobRow? row, long expectedVersion, short blobKind, int attempt, ReadOnlyMemory<byte> data)
    {
        Kind = kind;
        JobId = jobId;
        Row = row;
        ExpectedVersion = expectedVersion;
        BlobKind = blobKind;
        Attempt = attempt;
        Data = data;
    }

    public JobWriteKind Kind { get; }

    public string JobId { get; }

    /// <summary>The row of an insert or update.</summary>
    public JobRow? Row { get; }

    /// <summary>The version an update expects to find.</summary>
    public long ExpectedVersion { get; }

    public short BlobKind { get; }

    public int Attempt { get; }

    /// <summary>A blob's bytes (the caller's memory: it awaits the write, so the memory outlives it).</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Roughly the bytes the write sends.</summary>
    public long PayloadBytes => Row?.PayloadBytes ?? Data.Length;

    /// <summary>True when the row was written; false when an insert met an existing id or an update a different version.</summary>
    public Task<bool> Completion => _completion.Task;

    public static JobWrite Insert(JobRow row) => new(JobWriteKind.Insert, row.Id, row, 0, 0, 0, default);

    public static JobWrite Update(JobRow row, long expectedVersion) => new(JobWriteKind.Update, row.Id, row, expectedVersion, 0, 0, default);

    public static JobWrite PutBlob(string jobId, short kind, int attempt, ReadOnlyMemory<byte> data) =>
        new(JobWriteKind.PutBlob, jobId, null, 0, kind, attempt, data);

    /// <summary>Cancels the write when <paramref name="cancellationToken"/> fires before a writer claims it.</summary>
    public CancellationTokenRegistration CancelWhen(CancellationToken cancellationToken) =>
        cancellationToken.UnsafeRegister(static (state, token) => ((JobWrite)state!).Cancel(token), this);

    /// <summary>Takes the write for a batch; false when it was cancelled first (then it must not run).</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Queued) == Queued;

    public void Complete(bool written) => _completion.TrySetResult(written);

    public void Fail(Exception exception) => _completion.TrySetException(exception);

    private void Cancel(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
        {
            _completion.TrySetCanceled(cancellationToken);
        }
    }
}

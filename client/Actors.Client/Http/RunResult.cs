using Actors.GrainInterfaces.Jobs;

namespace Actors.Client.Http;

/// <summary>
/// What <see cref="ActorsHttpClient.RunAsync"/> got: the job's output when it succeeded; its exit code, reason and
/// stderr tail when it failed by itself (non-zero exit, out of memory, timeout); its status when it was not final in
/// time (poll with <see cref="ActorsHttpClient.GetAsync"/> or <see cref="ActorsHttpClient.WatchAsync"/>).
/// </summary>
/// <param name="JobId">The job.</param>
/// <param name="Status">Its status when the answer was made.</param>
/// <param name="ExitCode">The container's exit code, when it exited.</param>
/// <param name="Output">Its stdout when it succeeded; empty otherwise.</param>
/// <param name="Reason">Why it is in its status, in words.</param>
/// <param name="StderrTail">The end of its stderr, when it failed.</param>
public sealed record RunResult(string JobId, JobStatus Status, int? ExitCode, ReadOnlyMemory<byte> Output, string? Reason, string? StderrTail)
{
    /// <summary>Whether the job exited with code 0.</summary>
    public bool Succeeded => Status == JobStatus.Succeeded;

    /// <summary>Whether the job is final (false when the server stopped waiting first).</summary>
    public bool IsFinal => Status.IsFinal();
}

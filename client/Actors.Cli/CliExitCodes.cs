using Actors.GrainInterfaces.Jobs;

namespace Actors.Cli;

/// <summary>
/// The exit codes of <c>actors</c>. <c>submit --wait</c> mirrors the job like <c>docker run</c> does: the job's own
/// exit code when it exited non-zero, 124 when it timed out (as coreutils <c>timeout</c>), 125 when it failed without
/// an exit code (killed for memory, infrastructure), 130 when it was cancelled.
/// </summary>
internal static class CliExitCodes
{
    /// <summary>Done (and, for <c>submit --wait</c>, the job succeeded).</summary>
    public const int Success = 0;

    /// <summary>The API answered with an error, or could not be reached.</summary>
    public const int ApiError = 1;

    /// <summary>The command line is wrong (unknown option, missing argument, bad <c>--url</c>, unreadable input file).</summary>
    public const int Usage = 2;

    /// <summary><c>submit --wait</c>: the job was still not final when waiting stopped.</summary>
    public const int NotFinal = 3;

    /// <summary><c>submit --wait</c>: the job timed out.</summary>
    public const int JobTimedOut = 124;

    /// <summary><c>submit --wait</c>: the job failed without an exit code of its own.</summary>
    public const int JobFailed = 125;

    /// <summary><c>submit --wait</c>: the job was cancelled; also any command interrupted with Ctrl+C.</summary>
    public const int Cancelled = 130;

    /// <summary>The exit code that reports <paramref name="job"/>'s outcome.</summary>
    public static int ForJob(JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status switch
        {
            JobStatus.Succeeded => Success,
            JobStatus.TimedOut => JobTimedOut,
            JobStatus.Cancelled => Cancelled,
            JobStatus.Failed when job.ExitCode is { } code && code != 0 => (code & 0xFF) == 0 ? JobFailed : code & 0xFF,
            JobStatus.Failed => JobFailed,
            _ => NotFinal,
        };
    }
}

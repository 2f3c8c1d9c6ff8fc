namespace Actors.GrainInterfaces.Jobs;

/// <summary>Questions about a <see cref="JobStatus"/>.</summary>
public static class JobStatusExtensions
{
    /// <summary>Whether nothing more will happen to a job in this status.</summary>
    public static bool IsFinal(this JobStatus status) =>
        status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.TimedOut or JobStatus.Cancelled;
}

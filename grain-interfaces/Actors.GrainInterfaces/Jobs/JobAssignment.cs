namespace Actors.GrainInterfaces.Jobs;

/// <summary>An attempt handed to an executor node. The node presents <see cref="Attempt"/> with every report (fencing).</summary>
/// <param name="JobId">The job.</param>
/// <param name="Attempt">The attempt number.</param>
/// <param name="Spec">What to run.</param>
public sealed record JobAssignment(string JobId, int Attempt, JobSpec Spec);

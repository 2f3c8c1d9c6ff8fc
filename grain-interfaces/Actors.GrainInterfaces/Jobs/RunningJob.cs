namespace Actors.GrainInterfaces.Jobs;

/// <summary>An attempt a node is running now.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Attempt">The attempt number.</param>
/// <param name="Demand">The capacity it holds.</param>
/// <param name="StartedAt">When the node accepted it.</param>
public sealed record RunningJob(string JobId, int Attempt, JobDemand Demand, DateTimeOffset StartedAt);

namespace Actors.GrainInterfaces.Jobs;

/// <summary>The scheduler's answer to a reservation.</summary>
/// <param name="Reserved">Whether the job has its queue place.</param>
/// <param name="RetryAfterSeconds">When refused: an estimate of when a place frees up.</param>
/// <param name="Detail">When refused: why, in words.</param>
public sealed record QueueReservation(bool Reserved, int RetryAfterSeconds, string? Detail);

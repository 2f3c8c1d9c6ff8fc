namespace Actors.GrainInterfaces.Jobs;

/// <summary>An amount of executor capacity: CPUs, memory and concurrent job slots.</summary>
/// <param name="Cpus">CPUs (fractions allowed).</param>
/// <param name="MemoryMb">Memory in MiB.</param>
/// <param name="Slots">Concurrent jobs.</param>
public sealed record NodeCapacity(double Cpus, int MemoryMb, int Slots);

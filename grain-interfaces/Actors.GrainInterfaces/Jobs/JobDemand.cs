namespace Actors.GrainInterfaces.Jobs;

/// <summary>The capacity one job occupies on a node while it runs.</summary>
/// <param name="Cpus">CPUs (fractions allowed).</param>
/// <param name="MemoryMb">Memory in MiB.</param>
public sealed record JobDemand(double Cpus, int MemoryMb);

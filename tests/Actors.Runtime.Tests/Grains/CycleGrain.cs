namespace Actors.Runtime.Tests.Grains;

public sealed class CycleGrain : Grain, ICycleGrain
{
    public Task<string> CallAlongAsync(string[] path) =>
        path.Length == 0 ? Task.FromResult(this.GetPrimaryKeyString()) : GrainFactory.GetGrain<ICycleGrain>(path[0]).CallAlongAsync(path[1..]);

    public Task<string> CallAlongInterleavedAsync(string[] path) =>
        path.Length == 0 ? Task.FromResult(this.GetPrimaryKeyString()) : GrainFactory.GetGrain<ICycleGrain>(path[0]).CallAlongInterleavedAsync(path[1..]);
}

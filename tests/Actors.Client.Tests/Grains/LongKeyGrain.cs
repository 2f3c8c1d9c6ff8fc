namespace Actors.Client.Tests.Grains;

public sealed class LongKeyGrain : Grain, ILongKeyGrain
{
    public Task<long> GetKeyAsync() => Task.FromResult(this.GetPrimaryKeyLong());
}

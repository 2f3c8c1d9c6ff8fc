namespace Actors.Client.Tests.Grains;

public sealed class GuidKeyGrain : Grain, IGuidKeyGrain
{
    public Task<Guid> GetKeyAsync() => Task.FromResult(this.GetPrimaryKey());
}

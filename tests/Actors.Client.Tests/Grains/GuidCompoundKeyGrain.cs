namespace Actors.Client.Tests.Grains;

public sealed class GuidCompoundKeyGrain : Grain, IGuidCompoundKeyGrain
{
    public Task<string> GetKeyAsync() => Task.FromResult($"{this.GetPrimaryKey(out var extension):D}|{extension}");
}

namespace Actors.Client.Tests.Grains;

public sealed class LongCompoundKeyGrain : Grain, ILongCompoundKeyGrain
{
    public Task<string> GetKeyAsync() => Task.FromResult($"{this.GetPrimaryKeyLong(out var extension)}|{extension}");
}

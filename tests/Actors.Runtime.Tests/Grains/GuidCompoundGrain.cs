namespace Actors.Runtime.Tests.Grains;

public sealed class GuidCompoundGrain : Grain, IGuidCompoundGrain
{
    public Task<string> DescribeAsync() => Task.FromResult($"{this.GetPrimaryKey(out var extension)}+{extension}");
}

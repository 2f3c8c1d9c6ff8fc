namespace Actors.Runtime.Tests.Grains;

public sealed class LongCompoundGrain : Grain, ILongCompoundGrain
{
    public Task<string> DescribeAsync() => Task.FromResult($"{this.GetPrimaryKeyLong(out var extension)}+{extension}");
}

namespace Actors.Runtime.Tests.Grains;

public interface ILongCompoundGrain : IGrainWithIntegerCompoundKey
{
    Task<string> DescribeAsync();
}

namespace Actors.Runtime.Tests.Grains;

public interface IGuidCompoundGrain : IGrainWithGuidCompoundKey
{
    Task<string> DescribeAsync();
}

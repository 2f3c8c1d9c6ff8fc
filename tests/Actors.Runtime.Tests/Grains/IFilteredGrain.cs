namespace Actors.Runtime.Tests.Grains;

public interface IFilteredGrain : IGrainWithStringKey
{
    Task<int> MultiplyAsync(int a, int b);

    Task FailAsync(string message);
}

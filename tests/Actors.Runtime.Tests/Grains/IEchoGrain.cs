namespace Actors.Runtime.Tests.Grains;

public interface IEchoGrain : IGrainWithStringKey
{
    Task<string> EchoAsync(string text);

    Task<int> AddAsync(int a, int b);

    Task<string> GetIdentityAsync();

    ValueTask<long> ValueTaskAsync(long value);

    Task DoNothingAsync();
}

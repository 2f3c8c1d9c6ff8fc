namespace Actors.Runtime.Tests.Grains;

public sealed class EchoGrain : Grain, IEchoGrain
{
    public Task<string> EchoAsync(string text) => Task.FromResult(text);

    public Task<int> AddAsync(int a, int b) => Task.FromResult(a + b);

    public Task<string> GetIdentityAsync() => Task.FromResult(IdentityString);

    public ValueTask<long> ValueTaskAsync(long value) => new(value * 2);

    public Task DoNothingAsync() => Task.CompletedTask;
}

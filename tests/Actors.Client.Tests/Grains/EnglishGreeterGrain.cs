namespace Actors.Client.Tests.Grains;

public sealed class EnglishGreeterGrain : Grain, IGreeterGrain
{
    public Task<string> GreetAsync() => Task.FromResult("hello");
}

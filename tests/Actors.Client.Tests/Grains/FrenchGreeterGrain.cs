namespace Actors.Client.Tests.Grains;

public sealed class FrenchGreeterGrain : Grain, IGreeterGrain
{
    public Task<string> GreetAsync() => Task.FromResult("bonjour");
}

namespace Actors.Client.Tests.Grains;

public sealed class CircleShapeGrain : Grain, IShapeGrain
{
    public Task<string> NameAsync() => Task.FromResult("circle");
}

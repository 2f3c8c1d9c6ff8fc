namespace Actors.Client.Tests.Grains;

public sealed class ShapeGrain : Grain, IShapeGrain
{
    public Task<string> NameAsync() => Task.FromResult("shape");
}

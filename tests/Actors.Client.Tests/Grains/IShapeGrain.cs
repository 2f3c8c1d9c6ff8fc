namespace Actors.Client.Tests.Grains;

/// <summary>Implemented by ShapeGrain (the conventional default) and CircleShapeGrain.</summary>
public interface IShapeGrain : IGrainWithStringKey
{
    Task<string> NameAsync();
}

namespace Actors.Client.Tests.Grains;

/// <summary>Implemented by two classes, neither named by convention: GetGrain needs a class name prefix.</summary>
public interface IGreeterGrain : IGrainWithStringKey
{
    Task<string> GreetAsync();
}

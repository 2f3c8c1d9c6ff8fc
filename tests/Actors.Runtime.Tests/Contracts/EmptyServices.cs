namespace Actors.Runtime.Tests.Contracts;

/// <summary>A service provider with nothing in it, for parts built by hand in unit tests.</summary>
internal sealed class EmptyServices : IServiceProvider
{
    public static readonly EmptyServices Instance = new();

    public object? GetService(Type serviceType) => null;
}

namespace Actors.Silo.Tests.Coordination;

/// <summary>The coordination API tests share one in-process silo (embedded default, in-memory storage).</summary>
[CollectionDefinition(Name)]
public sealed class CoordinationApiCollection : ICollectionFixture<CoordinationApiFactory>
{
    public const string Name = "Coordination API";
}

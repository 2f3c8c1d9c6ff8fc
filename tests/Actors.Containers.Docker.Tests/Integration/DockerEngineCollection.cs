namespace Actors.Containers.Docker.Tests.Integration;

/// <summary>
/// The tests that run containers on the real engine: one shared <see cref="DockerEngine"/>, and one test at a time
/// (the machine is small, and timing assertions must not measure a neighbour's containers).
/// </summary>
[CollectionDefinition(Name)]
public sealed class DockerEngineCollection : ICollectionFixture<DockerEngine>
{
    public const string Name = "Docker engine";
}

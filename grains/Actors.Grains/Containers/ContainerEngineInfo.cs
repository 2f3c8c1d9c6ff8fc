namespace Actors.Grains.Containers;

/// <summary>What the engine says about itself.</summary>
/// <param name="Version">The engine version, for example 20.10.24.</param>
/// <param name="ApiVersion">The API version the adapter speaks, for example 1.41.</param>
public sealed record ContainerEngineInfo(string Version, string ApiVersion);

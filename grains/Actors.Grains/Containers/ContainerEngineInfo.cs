namespace Actors.Grains.Containers;

/// <summary>What the engine says about itself.</summary>
/// <param name="Version">The engine version, for example 20.10.24.</param>
/// <param name="ApiVersion">The API version the adapter speaks, for example 1.41.</param>
/// <param name="Registry">The registry absent images are pulled from, or null when none is configured (absent images then fail).</param>
public sealed record ContainerEngineInfo(string Version, string ApiVersion, string? Registry);

namespace Actors.Containers.Docker;

/// <summary>
/// How the adapter reaches the Docker engine. Validated when the runtime is first resolved (and at host start when the
/// host validates options on start).
/// </summary>
public sealed class DockerOptions
{
    /// <summary>The engine's socket as the Docker CLI spells it: <c>unix://</c> and an absolute path (the only scheme supported).</summary>
    public const string DefaultEndpoint = "unix:///var/run/docker.sock";

    /// <summary>The API version the adapter speaks: that of Docker Engine 20.10, which the engine and every later one serve.</summary>
    public const string DefaultApiVersion = "1.41";

    /// <summary>The engine's socket. Default <see cref="DefaultEndpoint"/>.</summary>
    public string Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>
    /// The API version put in every request path (<c>/v1.41/...</c>). Default <see cref="DefaultApiVersion"/>; the
    /// request and response shapes of this adapter are those of 1.41, so change it only to a compatible version.
    /// </summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>
    /// The registry (<c>host</c> or <c>host:port</c>) absent images are pulled from, or null (the default) to never pull:
    /// an absent image then fails with <see cref="Actors.Grains.Containers.ContainerImageNotFoundException"/>. A name
    /// without a registry host (<c>actors/cat:latest</c>) is pulled as <c>registry/actors/cat:latest</c> and tagged
    /// with the name asked for; a name with its own host is pulled as it is.
    /// </summary>
    public string? Registry { get; set; }

    /// <summary>The limit for one short engine call (ping, inspect, create, start, kill, remove, list). Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The limit for connecting to the socket; an engine that is absent fails at once anyway. Default 5 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The limit for pulling one image from <see cref="Registry"/>. Default 10 min.</summary>
    public TimeSpan PullTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a container may take to stop after it was killed (at its timeout or on cancellation) before the run
    /// fails. Default 30 s.
    /// </summary>
    public TimeSpan KillTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the engine may take to deliver the rest of a container's output after the container stopped; after
    /// it the output stream is closed and what arrived is kept. Default 10 s.
    /// </summary>
    public TimeSpan OutputDrainTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

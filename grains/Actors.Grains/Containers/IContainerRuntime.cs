namespace Actors.Grains.Containers;

/// <summary>
/// The port through which executor nodes run containers. The Docker Engine adapter implements it over the engine's
/// REST API on its Unix socket; tests may implement it in memory.
/// </summary>
public interface IContainerRuntime
{
    /// <summary>The engine's version, or a <see cref="ContainerEngineUnavailableException"/> saying why it cannot be reached.</summary>
    /// <exception cref="ContainerEngineUnavailableException">The engine does not answer.</exception>
    Task<ContainerEngineInfo> PingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes sure the image is present: inspects it, and pulls it from the configured registry when it is absent.
    /// </summary>
    /// <exception cref="ContainerImageNotFoundException">The image is absent and cannot be pulled.</exception>
    /// <exception cref="ContainerEngineUnavailableException">The engine does not answer.</exception>
    Task EnsureImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one container to its end: creates it hardened (see <see cref="ContainerRunRequest"/>), attaches, starts,
    /// writes the input to stdin and closes it, captures stdout (up to the cap) and the stderr tail, waits, kills it
    /// at the timeout, and removes it (possibly just after returning: the result does not wait for the removal).
    /// Cancelling <paramref name="cancellationToken"/> kills the container and returns a result with
    /// <see cref="ContainerExit.Cancelled"/>.
    /// </summary>
    /// <param name="request">What to run and its limits.</param>
    /// <param name="started">Called once the container has started, with its id.</param>
    /// <param name="cancellationToken">Kills the container.</param>
    /// <exception cref="ContainerImageNotFoundException">The image is absent and cannot be pulled.</exception>
    /// <exception cref="ContainerEngineUnavailableException">The engine does not answer.</exception>
    /// <exception cref="ContainerRuntimeException">The engine refused a step.</exception>
    Task<ContainerRunResult> RunAsync(ContainerRunRequest request, Func<string, Task>? started, CancellationToken cancellationToken);

    /// <summary>The images present on the engine, as repository:tag (untagged images are left out).</summary>
    /// <exception cref="ContainerEngineUnavailableException">The engine does not answer.</exception>
    Task<IReadOnlyList<string>> ListImagesAsync(CancellationToken cancellationToken);

    /// <summary>The containers (running or not) that carry every label in <paramref name="labels"/>.</summary>
    Task<IReadOnlyList<ContainerSummary>> ListAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>Removes a container, killing it first when it runs. No error when it is already gone.</summary>
    Task RemoveAsync(string containerId, CancellationToken cancellationToken);
}

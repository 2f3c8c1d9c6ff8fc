using System.Collections.Concurrent;
using System.Text;
using Actors.Grains.Containers;

namespace Actors.Grains.Tests.Jobs;

/// <summary>
/// An in-memory container runtime for unit tests; the image name picks the behaviour. The real engine is tested in
/// Actors.Containers.Docker.Tests and end to end in Actors.Jobs.Tests.
/// </summary>
internal sealed class ScriptedContainerRuntime : IContainerRuntime
{
    public const string Echo = "fake/echo";
    public const string ExitThree = "fake/exit3";
    public const string Hang = "fake/hang";
    public const string EngineError = "fake/engine-error";
    public const string Missing = "fake/missing";
    public const string HangFirstAttempt = "fake/hang-first";
    public const string NulInStderr = "fake/nul-stderr";

    private readonly ConcurrentQueue<ContainerRunRequest> _runs = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();

    /// <summary>Every run, in start order.</summary>
    public IReadOnlyCollection<ContainerRunRequest> Runs => _runs;

    /// <summary>Whether the engine answers; tests flip it.</summary>
    public bool Available { get; set; } = true;

    /// <summary>Runs whose container was killed by cancellation.</summary>
    public ConcurrentBag<string> Cancelled { get; } = [];

    /// <summary>Completes when a container of <paramref name="jobId"/> has started.</summary>
    public Task StartedAsync(string jobId) => _started.GetOrAdd(jobId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public Task<ContainerEngineInfo> PingAsync(CancellationToken cancellationToken) =>
        Available ? Task.FromResult(new ContainerEngineInfo("fake", "1.41", null)) : throw new ContainerEngineUnavailableException("The fake engine is off.");

    public Task EnsureImageAsync(string image, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<string>> ListImagesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([Echo + ":latest", ExitThree + ":latest", Hang + ":latest"]);

    public Task<IReadOnlyList<ContainerSummary>> ListAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ContainerSummary>>([]);

    public Task RemoveAsync(string containerId, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<ContainerRunResult> RunAsync(ContainerRunRequest request, Func<string, Task>? started, CancellationToken cancellationToken)
    {
        _runs.Enqueue(request);
        var job = request.Labels["io.actors.job"];
        var attempt = request.Labels["io.actors.attempt"];
        switch (request.Image)
        {
            case EngineError:
                throw new ContainerRuntimeException("The fake engine failed to create the container.");
            case Missing:
                throw new ContainerImageNotFoundException($"Image '{request.Image}' is not present and no registry is configured.");
        }

        var id = $"{job}-{attempt}";
        var startedAt = DateTimeOffset.UtcNow;
        if (started is not null)
        {
            await started(id);
        }

        _started.GetOrAdd(job, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        var hangs = request.Image == Hang || (request.Image == HangFirstAttempt && attempt == "1");
        if (hangs)
        {
            try
            {
                await Task.Delay(request.Timeout, cancellationToken);
                return new ContainerRunResult(id, ContainerExit.TimedOut, 137, [], false, [], startedAt, DateTimeOffset.UtcNow);
            }
            catch (OperationCanceledException)
            {
                Cancelled.Add(job);
                return new ContainerRunResult(id, ContainerExit.Cancelled, 137, [], false, [], startedAt, DateTimeOffset.UtcNow);
            }
        }

        if (request.Image == NulInStderr)
        {
            return new ContainerRunResult(id, ContainerExit.Exited, 0, [], false, [(byte)'a', 0, (byte)'b'], startedAt, DateTimeOffset.UtcNow);
        }

        return request.Image == ExitThree
            ? new ContainerRunResult(id, ContainerExit.Exited, 3, [], false, Encoding.UTF8.GetBytes("boom\n"), startedAt, DateTimeOffset.UtcNow)
            : new ContainerRunResult(id, ContainerExit.Exited, 0, request.Stdin.ToArray(), false, [], startedAt, DateTimeOffset.UtcNow);
    }
}

using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Actors.Containers.Docker.Engine;
using Actors.Containers.Docker.Streams;
using Actors.Grains.Containers;

namespace Actors.Containers.Docker;

/// <summary>One container run: create hardened, attach, start, feed stdin, capture output, wait or kill, remove.</summary>
internal sealed partial class DockerContainerRuntime
{
    /// <summary>Stdin goes out in pieces of this size, so a cancelled run stops writing soon.</summary>
    private const int StdinChunkBytes = 64 * 1024;

    /// <summary>The read buffer of the output stream; larger frames arrive in several chunks.</summary>
    private const int OutputBufferBytes = 64 * 1024;

    /// <summary>The most bytes kept of errors the engine itself writes into the output stream.</summary>
    private const int EngineErrorBytes = 4 * 1024;

    /// <summary>The exit code of a process killed by SIGKILL (128 + 9), which is what the OOM killer sends.</summary>
    private const long KilledExitCode = 137;

    /// <inheritdoc />
    /// <remarks>
    /// Cancellation before the container has started throws <see cref="OperationCanceledException"/> (and removes the
    /// container if one was created); after it started, the container is killed and the result says
    /// <see cref="ContainerExit.Cancelled"/>. <see cref="ContainerRunRequest.Command"/> replaces the image's CMD; an
    /// image's ENTRYPOINT stays, so for such images it is the argument list.
    /// </remarks>
    /// <exception cref="ArgumentException">The request is invalid (the message says which field).</exception>
    public async Task<ContainerRunResult> RunAsync(ContainerRunRequest request, Func<string, Task>? started, CancellationToken cancellationToken)
    {
        ContainerRunRequestValidation.Validate(request);
        cancellationToken.ThrowIfCancellationRequested();
        var containerId = await CreateAsync(request, cancellationToken);
        Log.ContainerCreated(_logger, containerId, request.Image);
        try
        {
            return await RunCreatedAsync(containerId, request, started, cancellationToken);
        }
        finally
        {
            // After the result, off its path; DisposeAsync waits for it, the node's orphan sweep catches the rest.
            _removals.Schedule(containerId);
        }
    }

    /// <summary>
    /// Creates the container. The image is looked at only when the engine says it is absent (the rare case costs the
    /// usual inspect and pull, the common case no call at all); then it is pulled, or refused clearly, and the
    /// create is tried once more.
    /// </summary>
    private async Task<string> CreateAsync(ContainerRunRequest request, CancellationToken cancellationToken)
    {
        var body = CreateBody(request);
        try
        {
            // Not cancellable: a create cancelled in flight could leave a container behind whose id we never learnt.
            return await _client.CreateContainerAsync(body, CancellationToken.None);
        }
        catch (ContainerImageNotFoundException)
        {
            Log.ImageAbsentAtCreate(_logger, request.Image);
        }

        await EnsureImageAsync(request.Image, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return await _client.CreateContainerAsync(body, CancellationToken.None);
    }

    private static ContainerCreateBody CreateBody(ContainerRunRequest request) => new()
    {
        Image = request.Image,
        Cmd = request.Command,
        Env = request.Env?.Select(variable => $"{variable.Key}={variable.Value}").ToList(),
        Labels = request.Labels,
        AttachStdin = true,
        AttachStdout = true,
        AttachStderr = true,
        OpenStdin = true,
        StdinOnce = true,
        Tty = false,
        HostConfig = new HostConfigBody
        {
            NetworkMode = "none",
            ReadonlyRootfs = true,
            Tmpfs = new Dictionary<string, string>
            {
                ["/tmp"] = string.Create(CultureInfo.InvariantCulture, $"rw,noexec,nosuid,nodev,size={request.TmpfsBytes}"),
            },
            CapDrop = ["ALL"],
            SecurityOpt = ["no-new-privileges"],
            Memory = request.MemoryBytes,
            MemorySwap = request.MemoryBytes,
            NanoCpus = request.NanoCpus,
            PidsLimit = request.PidsLimit,
            AutoRemove = false,
            Privileged = false,

            // Output is captured through attach; a log driver would also write all of it to the engine's disk.
            LogConfig = new LogConfigBody { Type = "none" },
        },
    };

    private async Task<ContainerRunResult> RunCreatedAsync(string containerId, ContainerRunRequest request, Func<string, Task>? started, CancellationToken cancellationToken)
    {
        var stdout = new CappedBuffer(request.StdoutCapBytes);
        var stderr = new TailBuffer(request.StderrTailBytes);
        var engineErrors = new TailBuffer(EngineErrorBytes);
        using var background = new CancellationTokenSource();
        HijackedStream? attach = null;
        Task? outputTask = null;
        Task? stdinTask = null;
        Task<ContainerWaitResponse>? waitTask = null;
        try
        {
            attach = await _client.AttachAsync(containerId, cancellationToken);
            outputTask = PumpOutputAsync(attach, stdout, stderr, engineErrors, background.Token);

            // Stdin goes out before the start, as the docker CLI sends it: the engine holds it until the process reads
            // it, so the process finds its input at once instead of waiting for the start call's answer to come back.
            stdinTask = PumpStdinAsync(attach, request.Stdin, containerId, background.Token);
            try
            {
                await _client.StartContainerAsync(containerId, cancellationToken);
            }
            catch (ContainerRuntimeException ex) when (ex is not ContainerEngineUnavailableException)
            {
                if (await CommandFailedToStartAsync(containerId, request) is { } failed)
                {
                    return failed;
                }

                throw;
            }

            var startedAt = _timeProvider.GetUtcNow();
            var startTimestamp = _timeProvider.GetTimestamp();
            using var timeout = new CancellationTokenSource(request.Timeout, _timeProvider);
            Log.ContainerStarted(_logger, containerId);
            waitTask = _client.WaitContainerAsync(containerId, background.Token);
            if (started is not null)
            {
                await started(containerId);
            }

            var (exit, waited) = await WaitOrKillAsync(containerId, request, waitTask, timeout.Token, cancellationToken);
            var finishedAt = _timeProvider.GetUtcNow();
            if (!string.IsNullOrEmpty(waited.Error?.Message))
            {
                throw new ContainerRuntimeException($"Docker engine could not wait for container {containerId}: {waited.Error.Message}");
            }

            await DrainOutputAsync(containerId, attach, outputTask);
            if (engineErrors.TotalBytes > 0)
            {
                throw new ContainerRuntimeException(
                    $"Docker engine reported an error in the output stream of container {containerId}: {Encoding.UTF8.GetString(engineErrors.ToArray()).Trim()}");
            }

            // Only a SIGKILL nobody here sent can be the kernel's OOM killer: only then is the container inspected.
            var state = exit == ContainerExit.Exited && waited.StatusCode == KilledExitCode
                ? (await _client.InspectContainerAsync(containerId, CancellationToken.None)).State
                : null;
            if (state?.OomKilled == true)
            {
                exit = ContainerExit.OutOfMemory;
                Log.ContainerOutOfMemory(_logger, containerId, request.MemoryBytes);
            }

            if (stdout.Truncated)
            {
                Log.StdoutTruncated(_logger, containerId, stdout.TotalBytes, stdout.Cap);
            }

            var exitCode = unchecked((int)waited.StatusCode);
            Log.ContainerFinished(_logger, containerId, exit, exitCode, stdout.TotalBytes, _timeProvider.GetElapsedTime(startTimestamp));
            return new ContainerRunResult(
                containerId,
                exit,
                exitCode,
                stdout.ToArray(),
                stdout.Truncated,
                stderr.ToArray(),
                EngineTime.Parse(state?.StartedAt) ?? startedAt,
                EngineTime.Parse(state?.FinishedAt) ?? finishedAt);
        }
        finally
        {
            await background.CancelAsync();
            attach?.Dispose();
            await ObserveAsync(outputTask);
            await ObserveAsync(stdinTask);
            await ObserveAsync(waitTask);
        }
    }

    /// <summary>
    /// The result of a container whose command could not be started (absent or not executable): the engine records
    /// exit code 127 or 126 for it, as a shell would, and that is the job's failure rather than the engine's. Null
    /// when the start failed for another reason.
    /// </summary>
    private async Task<ContainerRunResult?> CommandFailedToStartAsync(string containerId, ContainerRunRequest request)
    {
        var state = (await _client.InspectContainerAsync(containerId, CancellationToken.None)).State;
        if (state is null || state.Running || state.ExitCode is not (126 or 127))
        {
            return null;
        }

        var reason = new TailBuffer(request.StderrTailBytes);
        reason.Append(Encoding.UTF8.GetBytes(state.Error ?? "the command could not be started"));
        var now = _timeProvider.GetUtcNow();
        Log.ContainerFinished(_logger, containerId, ContainerExit.Exited, (int)state.ExitCode, 0, TimeSpan.Zero);
        return new ContainerRunResult(containerId, ContainerExit.Exited, (int)state.ExitCode, [], false, reason.ToArray(), now, now);
    }

    /// <summary>
    /// Waits for the container to stop by itself; at the timeout or on cancellation kills it and waits (bounded) for it
    /// to stop. Returns why it stopped and the engine's wait answer.
    /// </summary>
    private async Task<(ContainerExit Exit, ContainerWaitResponse Waited)> WaitOrKillAsync(
        string containerId, ContainerRunRequest request, Task<ContainerWaitResponse> waitTask, CancellationToken timeout, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout, cancellationToken);
        try
        {
            return (ContainerExit.Exited, await waitTask.WaitAsync(either.Token));
        }
        catch (OperationCanceledException) when (either.IsCancellationRequested)
        {
            // The container stopped by itself at the very moment the timeout or cancellation came: it was not killed.
            if (waitTask.IsCompleted)
            {
                return (ContainerExit.Exited, await waitTask);
            }
        }

        // Cancellation wins over a timeout that fires at the same moment: the caller asked for it.
        ContainerExit exit;
        if (cancellationToken.IsCancellationRequested)
        {
            exit = ContainerExit.Cancelled;
            Log.ContainerCancelled(_logger, containerId);
        }
        else
        {
            exit = ContainerExit.TimedOut;
            Log.ContainerTimedOut(_logger, containerId, request.Timeout);
        }

        try
        {
            await _client.KillContainerAsync(containerId, CancellationToken.None);
        }
        catch (ContainerRuntimeException ex)
        {
            // The bounded wait below reports the failure if the container really keeps running.
            Log.KillFailed(_logger, containerId, ex);
        }

        try
        {
            return (exit, await waitTask.WaitAsync(_options.KillTimeout, _timeProvider, CancellationToken.None));
        }
        catch (TimeoutException ex)
        {
            throw new ContainerRuntimeException($"Container {containerId} did not stop within {_options.KillTimeout} of being killed.", ex);
        }
    }

    /// <summary>Writes stdin, then half-closes the connection so the container reads the end of its input.</summary>
    private async Task PumpStdinAsync(HijackedStream attach, ReadOnlyMemory<byte> stdin, string containerId, CancellationToken cancellationToken)
    {
        var written = 0;
        try
        {
            while (written < stdin.Length)
            {
                var chunk = stdin.Slice(written, Math.Min(StdinChunkBytes, stdin.Length - written));
                await attach.WriteAsync(chunk, cancellationToken);
                written += chunk.Length;
            }

            attach.CloseWrite();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The container ended (or the run did) without reading all its input: its own business, not a failure.
            Log.StdinNotConsumed(_logger, containerId, written, stdin.Length, ex.Message);
        }
    }

    /// <summary>Splits the attach stream into stdout (capped), the stderr tail and engine errors, until it ends.</summary>
    private static async Task PumpOutputAsync(HijackedStream attach, CappedBuffer stdout, TailBuffer stderr, TailBuffer engineErrors, CancellationToken cancellationToken)
    {
        var reader = new MultiplexedStreamReader(attach);
        var buffer = ArrayPool<byte>.Shared.Rent(OutputBufferBytes);
        try
        {
            while (true)
            {
                var chunk = await reader.ReadAsync(buffer, cancellationToken);
                if (chunk.IsEnd)
                {
                    return;
                }

                var bytes = buffer.AsSpan(0, chunk.Count);
                switch (chunk.Kind)
                {
                    case MultiplexedStreamKind.Stderr:
                        stderr.Append(bytes);
                        break;
                    case MultiplexedStreamKind.SystemError:
                        engineErrors.Append(bytes);
                        break;
                    default:
                        stdout.Append(bytes);
                        break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Waits (bounded) for the engine to deliver the rest of the output of a stopped container. A broken stream fails
    /// the run: its stdout could be incomplete without anyone noticing.
    /// </summary>
    private async Task DrainOutputAsync(string containerId, HijackedStream attach, Task outputTask)
    {
        try
        {
            await outputTask.WaitAsync(_options.OutputDrainTimeout, _timeProvider, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            Log.OutputDrainTimedOut(_logger, containerId, _options.OutputDrainTimeout);
            attach.Dispose();
            await ObserveAsync(outputTask);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or SocketException)
        {
            throw new ContainerRuntimeException($"The output stream of container {containerId} broke: {ex.Message}", ex);
        }
    }

    /// <summary>Awaits a background task of a run that is over, whatever its outcome (its failure was handled or is moot).</summary>
    private static async Task ObserveAsync(Task? task)
    {
        if (task is null)
        {
            return;
        }

        try
        {
            await task;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException
            or InvalidDataException or ContainerRuntimeException)
        {
            // Observed: the run's outcome was decided elsewhere.
        }
    }
}

using Actors.Grains.Containers;
using Microsoft.Extensions.Logging;

namespace Actors.Containers.Docker;

/// <summary>Log messages of the Docker container runtime.</summary>
internal sealed partial class DockerContainerRuntime
{
    private static partial class Log
    {
        [LoggerMessage(DockerEventIds.ImagePulling, LogLevel.Information, "Image {Image} is absent; pulling {Source}")]
        public static partial void ImagePulling(ILogger logger, string image, string source);

        [LoggerMessage(DockerEventIds.ImagePulled, LogLevel.Information, "Pulled image {Image} in {Elapsed}")]
        public static partial void ImagePulled(ILogger logger, string image, TimeSpan elapsed);

        [LoggerMessage(DockerEventIds.ContainerCreated, LogLevel.Debug, "Created container {ContainerId} of {Image}")]
        public static partial void ContainerCreated(ILogger logger, string containerId, string image);

        [LoggerMessage(DockerEventIds.ContainerStarted, LogLevel.Debug, "Started container {ContainerId}")]
        public static partial void ContainerStarted(ILogger logger, string containerId);

        [LoggerMessage(DockerEventIds.ContainerFinished, LogLevel.Debug, "Container {ContainerId} ended: {Exit}, exit code {ExitCode}, {StdoutBytes} stdout bytes, after {Elapsed}")]
        public static partial void ContainerFinished(ILogger logger, string containerId, ContainerExit exit, int exitCode, long stdoutBytes, TimeSpan elapsed);

        [LoggerMessage(DockerEventIds.ContainerTimedOut, LogLevel.Information, "Container {ContainerId} ran past its timeout of {Timeout}; killing it")]
        public static partial void ContainerTimedOut(ILogger logger, string containerId, TimeSpan timeout);

        [LoggerMessage(DockerEventIds.ContainerCancelled, LogLevel.Information, "Run of container {ContainerId} cancelled; killing it")]
        public static partial void ContainerCancelled(ILogger logger, string containerId);

        [LoggerMessage(DockerEventIds.ContainerOutOfMemory, LogLevel.Information, "Container {ContainerId} was killed for exceeding its memory limit of {MemoryBytes} bytes")]
        public static partial void ContainerOutOfMemory(ILogger logger, string containerId, long memoryBytes);

        [LoggerMessage(DockerEventIds.StdinNotConsumed, LogLevel.Debug, "Container {ContainerId} stopped taking stdin after {Written} of {Total} bytes: {Reason}")]
        public static partial void StdinNotConsumed(ILogger logger, string containerId, long written, int total, string reason);

        [LoggerMessage(DockerEventIds.OutputDrainTimedOut, LogLevel.Warning, "The output of container {ContainerId} did not end within {Timeout} of its exit; keeping what arrived")]
        public static partial void OutputDrainTimedOut(ILogger logger, string containerId, TimeSpan timeout);

        [LoggerMessage(DockerEventIds.KillFailed, LogLevel.Warning, "Could not kill container {ContainerId}")]
        public static partial void KillFailed(ILogger logger, string containerId, Exception exception);

        [LoggerMessage(DockerEventIds.ImageAbsentAtCreate, LogLevel.Debug, "Image {Image} is absent from the engine; making sure of it before creating the container again")]
        public static partial void ImageAbsentAtCreate(ILogger logger, string image);

        [LoggerMessage(DockerEventIds.StdoutTruncated, LogLevel.Debug, "Container {ContainerId} wrote {Total} stdout bytes; kept the first {Cap}")]
        public static partial void StdoutTruncated(ILogger logger, string containerId, long total, int cap);
    }
}

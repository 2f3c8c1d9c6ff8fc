using System.Globalization;
using System.Text.Json;
using Actors.Silo.Endpoints.Jobs;

namespace Actors.Silo.Endpoints.Coordination;

/// <summary>
/// A server-sent event stream of a versioned state (an election, a service's instances): one event per version (id =
/// the version, data = the state's JSON), fed by a long poll in slices under the grain-call deadline, with a
/// <c>: keep-alive</c> comment after every slice without news. Runs until the client goes away.
/// </summary>
internal static partial class SnapshotEventStream
{
    /// <summary>The longest long-poll slice (under the default 30 s grain-call deadline).</summary>
    public static readonly TimeSpan MaxSlice = TimeSpan.FromSeconds(20);

    /// <summary>Streams <paramref name="first"/> (when newer than <paramref name="lastSeen"/>) and every later version.</summary>
    /// <param name="context">The request.</param>
    /// <param name="eventName">The SSE event name.</param>
    /// <param name="first">The current state.</param>
    /// <param name="lastSeen">The version the client has already seen (-1 for none).</param>
    /// <param name="versionOf">A state's version.</param>
    /// <param name="nextAsync">The long poll: the state once its version exceeds the argument, or after the slice.</param>
    /// <param name="slice">How long one long poll waits.</param>
    /// <param name="serializerOptions">The API's JSON settings.</param>
    /// <param name="logger">Where a failure of the stream is logged.</param>
    /// <param name="what">What is streamed, for the log.</param>
    public static async Task RunAsync<T>(
        HttpContext context,
        string eventName,
        T first,
        long lastSeen,
        Func<T, long> versionOf,
        Func<long, TimeSpan, Task<T>> nextAsync,
        TimeSpan slice,
        JsonSerializerOptions serializerOptions,
        ILogger logger,
        string what)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(versionOf);
        ArgumentNullException.ThrowIfNull(nextAsync);
        var cancellationToken = context.RequestAborted;
        var writer = new ServerSentEventWriter(context.Response);
        await writer.StartAsync(cancellationToken);
        var state = first;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var version = versionOf(state);
                if (version > lastSeen)
                {
                    var data = JsonSerializer.Serialize(state, serializerOptions.GetTypeInfo(typeof(T)));
                    await writer.WriteEventAsync(eventName, version.ToString(CultureInfo.InvariantCulture), data, cancellationToken);
                    lastSeen = version;
                }
                else
                {
                    await writer.WriteCommentAsync("keep-alive", cancellationToken);
                }

                state = await nextAsync(lastSeen, slice).WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception ex)
        {
            // The stream has begun: no problem answer is possible. End it; the client reconnects with Last-Event-ID.
            Log.StreamFailed(logger, what, ex);
        }
    }

    /// <summary>The slice for a keep-alive period from the settings.</summary>
    public static TimeSpan SliceFor(int keepAliveSeconds)
    {
        var keepAlive = TimeSpan.FromSeconds(keepAliveSeconds);
        return keepAlive < MaxSlice ? keepAlive : MaxSlice;
    }

    internal static partial class Log
    {
        [LoggerMessage(CoordinationApiEventIds.StreamFailed, LogLevel.Warning, "Event stream of {What} ended by a failure")]
        public static partial void StreamFailed(ILogger logger, string what, Exception exception);
    }
}

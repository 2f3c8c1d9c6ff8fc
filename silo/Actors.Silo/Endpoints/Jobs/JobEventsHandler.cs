using System.Globalization;
using System.Text.Json;
using Actors.GrainInterfaces.Jobs;
using Actors.Silo.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>
/// <c>GET /v1/jobs/{id}/events</c>: a server-sent event stream with one <c>status</c> event per version of the job
/// (the event id is the version, the data the job's JSON), starting with the current state or, with
/// <c>Last-Event-ID</c>, with the first version after it; a <c>: keep-alive</c> comment while nothing changes; the
/// stream ends after a final state, or when the client goes away.
/// </summary>
internal static partial class JobEventsHandler
{
    /// <summary>The event name of a job's state.</summary>
    public const string StatusEvent = "status";

    /// <summary>The header a reconnecting client sends with the last id it saw.</summary>
    public const string LastEventIdHeader = "Last-Event-ID";

    // Under the default 30 s grain-call deadline.
    private static readonly TimeSpan MaxWatch = TimeSpan.FromSeconds(20);

    /// <summary>Handles the request.</summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> HandleAsync(
        string id,
        HttpContext context,
        IGrainFactory grains,
        IOptions<ApiOptions> options,
        IOptions<HttpJsonOptions> json,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!JobIds.IsValid(id))
        {
            return JobProblems.InvalidId();
        }

        long lastSeen = -1;
        if (context.Request.Headers.TryGetValue(LastEventIdHeader, out var lastEventId))
        {
            if (lastEventId.Count != 1 || !long.TryParse(lastEventId[0], NumberStyles.None, CultureInfo.InvariantCulture, out lastSeen))
            {
                return JobProblems.InvalidField(LastEventIdHeader, "must be a version number this stream sent as an event id");
            }
        }

        var task = grains.GetGrain<ITaskGrain>(id);
        var job = await task.GetAsync().WaitAsync(cancellationToken);
        if (job is null)
        {
            return JobProblems.UnknownJob(id);
        }

        var writer = new ServerSentEventWriter(context.Response);
        await writer.StartAsync(cancellationToken);
        var keepAlive = TimeSpan.FromSeconds(options.Value.KeepAliveSeconds);
        var watch = keepAlive < MaxWatch ? keepAlive : MaxWatch;
        try
        {
            while (true)
            {
                if (job.Version > lastSeen)
                {
                    var data = JsonSerializer.Serialize(JobResponses.Redact(job), json.Value.SerializerOptions.GetTypeInfo(typeof(JobSnapshot)));
                    await writer.WriteEventAsync(StatusEvent, job.Version.ToString(CultureInfo.InvariantCulture), data, cancellationToken);
                    lastSeen = job.Version;
                }

                if (job.Status.IsFinal() && lastSeen >= job.Version)
                {
                    break;
                }

                var next = await task.WatchAsync(lastSeen, watch).WaitAsync(cancellationToken);
                if (next is null)
                {
                    break;
                }

                if (next.Version <= lastSeen)
                {
                    await writer.WriteCommentAsync("keep-alive", cancellationToken);
                }

                job = next;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The stream has begun: no problem answer is possible. End it; the client reconnects with Last-Event-ID.
            Log.StreamFailed(loggers.CreateLogger(typeof(JobEventsHandler).FullName!), id, ex);
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }

        return TypedResults.Empty;
    }

    private static partial class Log
    {
        [LoggerMessage(JobsApiEventIds.EventStreamFailed, LogLevel.Warning, "Event stream of job {JobId} ended by a failure")]
        public static partial void StreamFailed(ILogger logger, string jobId, Exception exception);
    }
}

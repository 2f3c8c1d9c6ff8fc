using System.Globalization;
using System.Text.Json;
using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.Silo.Api;
using Actors.Silo.Endpoints.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Actors.Silo.Endpoints.Coordination.KeyValue;

/// <summary>
/// <c>GET /v1/watch?key=K</c> or <c>?prefix=P</c>: every change of the key or prefix as a server-sent event (<c>id</c> =
/// revision, <c>event</c> = put or delete, <c>data</c> = the change), from <c>fromRevision</c>, or after
/// <c>Last-Event-ID</c>, or else from the next revision; 410 before streaming when the history was compacted.
/// </summary>
internal static class KvWatchHandler
{
    /// <summary>Handles the request.</summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> HandleAsync(
        HttpContext context,
        IGrainFactory grains,
        IOptions<ApiOptions> options,
        IOptions<HttpJsonOptions> json,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(query, errors, "key", "prefix", "fromRevision");
        var isPrefix = query.ContainsKey("prefix");
        string? key;
        if (isPrefix == query.ContainsKey("key"))
        {
            errors.Add("key", "give exactly one of key (one key) and prefix (every key starting with it; empty for all)");
            key = null;
        }
        else if (isPrefix)
        {
            key = query["prefix"].Count == 1 ? query["prefix"][0] ?? string.Empty : null;
            if (key is null)
            {
                errors.Add("prefix", "must be given at most once");
            }

            KvHandlers.Key(key, "prefix", allowEmpty: true, errors);
        }
        else
        {
            key = QueryReader.Single(query, "key", errors);
            KvHandlers.Key(key, "key", allowEmpty: false, errors);
        }

        var from = CoordinationInput.Long(query, "fromRevision", 1, long.MaxValue, errors);
        var lastEventId = CoordinationInput.LastEventId(context.Request, errors);
        if (errors.Count > 0 || key is null)
        {
            return JobProblems.Invalid(errors);
        }

        var store = KvHandlers.Store(grains);
        if (lastEventId is { } last)
        {
            from = last + 1;
        }
        else if (from is null)
        {
            var revision = isPrefix
                ? (await store.RangeAsync(key, null, 1).WaitAsync(cancellationToken)).Revision
                : (await store.GetAsync(key).WaitAsync(cancellationToken)).Revision;
            from = revision + 1;
        }

        var batch = await store.WatchAsync(new KvWatchRequest(key, isPrefix, from.Value, TimeSpan.Zero, KvLimits.MaxWatchEvents))
            .WaitAsync(cancellationToken);
        if (batch.CompactedRevision is { } compacted)
        {
            return CoordinationProblems.Compacted(compacted);
        }

        var writer = new ServerSentEventWriter(context.Response);
        await writer.StartAsync(cancellationToken);
        var slice = SnapshotEventStream.SliceFor(options.Value.KeepAliveSeconds);
        var typeInfo = json.Value.SerializerOptions.GetTypeInfo(typeof(KvEventResponse));
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (batch.CompactedRevision is not null)
                {
                    // Fell behind the retained history: end; the client's reconnect gets the 410.
                    break;
                }

                foreach (var change in batch.Events)
                {
                    var data = JsonSerializer.Serialize(KvEventResponse.From(change), typeInfo);
                    await writer.WriteEventAsync(
                        KvEventResponse.NameOf(change.Type), change.Revision.ToString(CultureInfo.InvariantCulture), data, cancellationToken);
                }

                if (batch.Events.Count == 0)
                {
                    await writer.WriteCommentAsync("keep-alive", cancellationToken);
                }

                var request = new KvWatchRequest(key, isPrefix, batch.NextRevision, slice, KvLimits.MaxWatchEvents);
                batch = await store.WithResponseTimeout(slice + Locks.LockHandlers.CallMargin).WatchAsync(request).WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception ex)
        {
            SnapshotEventStream.Log.StreamFailed(loggers.CreateLogger(typeof(KvWatchHandler).FullName!), "watch of " + key, ex);
        }

        return TypedResults.Empty;
    }
}

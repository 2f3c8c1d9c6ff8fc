using System.Globalization;
using System.Text;
using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.Silo.Endpoints.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Silo.Endpoints.Coordination.KeyValue;

/// <summary>The handlers of <c>/v1/kv/{*key}</c> (the watch stream is <see cref="KvWatchHandler"/>).</summary>
internal static class KvHandlers
{
    /// <summary>Response header: the store's revision when read.</summary>
    public const string RevisionHeader = "X-Revision";

    /// <summary>Response header: the key's last modification revision.</summary>
    public const string ModRevisionHeader = "X-Mod-Revision";

    /// <summary>Response header: the key's creation revision.</summary>
    public const string CreateRevisionHeader = "X-Create-Revision";

    /// <summary>Response header: the key's version.</summary>
    public const string VersionHeader = "X-Version";

    private const string ExpectedRevision = "expectedRevision";
    private const string Session = "session";
    private const int DefaultLimit = 100;

    /// <summary><c>PUT /v1/kv/{*key}</c>: the raw body is the value.</summary>
    public static async Task<Results<Ok<KvWriteResponse>, ProblemHttpResult>> PutAsync(
        string? key, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(request.Query, errors, ExpectedRevision, Session);
        Key(key, "key", allowEmpty: false, errors);
        var expected = CoordinationInput.Long(request.Query, ExpectedRevision, 0, long.MaxValue, errors);
        var session = QueryReader.Single(request.Query, Session, errors);
        if (session is not null)
        {
            CoordinationInput.SessionId(session, Session, errors);
        }

        if (errors.Count > 0)
        {
            return JobProblems.Invalid(errors);
        }

        var value = await RequestBodyReader.ReadAsync(request, KvLimits.MaxValueBytes, cancellationToken);
        if (value is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The value is too large.",
                detail: $"A value may have at most {KvLimits.MaxValueBytes.ToString(CultureInfo.InvariantCulture)} bytes.");
        }

        var result = await Store(grains).PutAsync(new KvPut(key!, value, expected, session)).WaitAsync(cancellationToken);
        return result.Outcome switch
        {
            KvWriteOutcome.Written => TypedResults.Ok(new KvWriteResponse(result.Revision, KvEntryResponse.FromNullable(result.Current))),
            KvWriteOutcome.SessionUnknown => CoordinationProblems.UnknownSession(session ?? string.Empty),
            _ => Mismatch(key!, expected, result),
        };
    }

    /// <summary><c>GET /v1/kv/{*key}</c>: one key's raw value, or with <c>prefix=true</c> a JSON page of keys.</summary>
    public static async Task<Results<FileContentHttpResult, Ok<KvRangeResponse>, ProblemHttpResult>> GetAsync(
        string? key, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(query, errors, "prefix", "limit", "after");
        var isPrefix = CoordinationInput.Bool(query, "prefix", errors) ?? false;
        Key(key, "key", allowEmpty: isPrefix, errors);
        var limit = QueryReader.Int(query, "limit", 1, KvLimits.MaxRangeLimit, errors) ?? DefaultLimit;
        var after = QueryReader.Single(query, "after", errors);
        if (!isPrefix && (query.ContainsKey("limit") || query.ContainsKey("after")))
        {
            errors.Add(query.ContainsKey("limit") ? "limit" : "after", "applies only to a prefix read (prefix=true)");
        }

        if (errors.Count > 0)
        {
            return JobProblems.Invalid(errors);
        }

        if (isPrefix)
        {
            var range = await Store(grains).RangeAsync(key ?? string.Empty, after, limit).WaitAsync(cancellationToken);
            return TypedResults.Ok(new KvRangeResponse([.. range.Entries.Select(KvEntryResponse.From)], range.More, range.Revision));
        }

        var result = await Store(grains).GetAsync(key!).WaitAsync(cancellationToken);
        var headers = context.Response.Headers;
        headers[RevisionHeader] = result.Revision.ToString(CultureInfo.InvariantCulture);
        if (result.Entry is not { } entry)
        {
            return CoordinationProblems.NotFound("The key does not exist.", $"No entry has the key '{key}'.");
        }

        headers[ModRevisionHeader] = entry.ModRevision.ToString(CultureInfo.InvariantCulture);
        headers[CreateRevisionHeader] = entry.CreateRevision.ToString(CultureInfo.InvariantCulture);
        headers[VersionHeader] = entry.Version.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Bytes(entry.Value, "application/octet-stream");
    }

    /// <summary><c>DELETE /v1/kv/{*key}</c>, compare-and-set with <c>expectedRevision</c>.</summary>
    public static async Task<Results<Ok<KvWriteResponse>, ProblemHttpResult>> DeleteAsync(
        string? key, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        QueryReader.RejectUnknown(request.Query, errors, ExpectedRevision);
        Key(key, "key", allowEmpty: false, errors);
        var expected = CoordinationInput.Long(request.Query, ExpectedRevision, 1, long.MaxValue, errors);
        if (errors.Count > 0)
        {
            return JobProblems.Invalid(errors);
        }

        var result = await Store(grains).DeleteAsync(key!, expected).WaitAsync(cancellationToken);
        return result.Outcome switch
        {
            KvWriteOutcome.Written => TypedResults.Ok(new KvWriteResponse(result.Revision, null)),
            KvWriteOutcome.NotFound => CoordinationProblems.NotFound("The key does not exist.", $"No entry has the key '{key}'."),
            _ => Mismatch(key!, expected, result),
        };
    }

    /// <summary>Adds an error unless <paramref name="key"/> is a usable key (or prefix, which may be empty).</summary>
    public static void Key(string? key, string field, bool allowEmpty, ErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(key))
        {
            if (!allowEmpty)
            {
                errors.Add(field, "is required: the key follows /v1/kv/");
            }

            return;
        }

        if (Encoding.UTF8.GetByteCount(key) > KvLimits.MaxKeyBytes)
        {
            errors.Add(field, $"must have at most {KvLimits.MaxKeyBytes.ToString(CultureInfo.InvariantCulture)} bytes in UTF-8");
        }
        else if (key.Any(char.IsControl))
        {
            errors.Add(field, "must not contain control characters");
        }
    }

    /// <summary>The cluster's one store.</summary>
    public static IKeyValueGrain Store(IGrainFactory grains) => grains.GetGrain<IKeyValueGrain>(IKeyValueGrain.DefaultName);

    private static ProblemHttpResult Mismatch(string key, long? expected, KvWriteResult result)
    {
        var current = result.Current?.ModRevision ?? 0;
        return CoordinationProblems.Conflict(
            "The key's revision differs.",
            $"'{key}' is at modification revision {current.ToString(CultureInfo.InvariantCulture)} (0: absent), " +
            $"not {(expected ?? 0).ToString(CultureInfo.InvariantCulture)}.",
            new Dictionary<string, object?>
            {
                ["key"] = key,
                ["modRevision"] = current,
                ["revision"] = result.Revision,
                ["entry"] = KvEntryResponse.FromNullable(result.Current),
            });
    }
}

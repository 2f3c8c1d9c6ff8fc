using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Actors.GrainInterfaces.Jobs;
using Actors.GrainInterfaces.Serialization;

namespace Actors.Client.Http;

/// <summary>
/// A typed client of a silo's jobs REST API (<c>/v1/jobs</c>, <c>/v1/run</c>, <c>/v1/nodes</c>). Errors come as
/// <see cref="ActorsApiException"/> with the server's problem; a request that gets no answer in time as
/// <see cref="TimeoutException"/>. Thread-safe; reuse one instance.
/// </summary>
public sealed partial class ActorsHttpClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>
    /// A client of the silo at <paramref name="baseAddress"/> (for example <c>http://127.0.0.1:5080</c>; a path prefix
    /// such as <c>http://gateway/actors</c> is kept).
    /// </summary>
    public ActorsHttpClient(Uri baseAddress)
        : this(new HttpClient { BaseAddress = WithTrailingSlash(baseAddress), Timeout = Timeout.InfiniteTimeSpan }, ownsHttpClient: true)
    {
    }

    /// <summary>
    /// A client over <paramref name="httpClient"/>, which must have a <see cref="HttpClient.BaseAddress"/> and is not
    /// disposed with this client. Its own <see cref="HttpClient.Timeout"/> applies on top of <see cref="RequestTimeout"/>:
    /// set it to <see cref="Timeout.InfiniteTimeSpan"/> to wait for jobs longer than it.
    /// </summary>
    public ActorsHttpClient(HttpClient httpClient)
        : this(httpClient, ownsHttpClient: false)
    {
    }

    private ActorsHttpClient(HttpClient httpClient, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (httpClient.BaseAddress is not { IsAbsoluteUri: true } baseAddress || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The HttpClient needs an absolute http or https BaseAddress, for example http://127.0.0.1:5080.", nameof(httpClient));
        }

        _http = httpClient;
        _ownsHttp = ownsHttpClient;
    }

    /// <summary>The JSON settings of the API: camelCase, string enums, nulls omitted.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    /// <summary>How long a request may take besides any wait it asks for. Default 100 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Sent as <c>X-Submitter</c> with submissions; null lets the server use the caller's address.</summary>
    public string? Submitter { get; init; }

    /// <summary>The clock for <c>Retry-After</c> dates.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Submits a job. With <paramref name="idempotencyKey"/>, repeating the call returns the same job instead of a
    /// second one. With <paramref name="wait"/> (at most 300 s), the server answers once the job is final or the wait
    /// has passed; the job's status tells which.
    /// </summary>
    public async Task<JobSnapshot> SubmitAsync(JobSubmission submission, string? idempotencyKey = null, TimeSpan? wait = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var path = "v1/jobs";
        if (wait is { } w)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(w, TimeSpan.Zero, nameof(wait));
            path += "?wait=" + ((int)Math.Ceiling(w.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(submission, (JsonTypeInfo<JobSubmission>)JsonOptions.GetTypeInfo(typeof(JobSubmission))),
        };
        AddSubmissionHeaders(request, idempotencyKey);
        return await SendForJsonAsync<JobSnapshot>(request, wait ?? TimeSpan.Zero, cancellationToken);
    }

    /// <summary>The job, or null when no job has this id.</summary>
    public async Task<JobSnapshot?> GetAsync(string jobId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, JobPath(jobId));
        try
        {
            return await SendForJsonAsync<JobSnapshot>(request, TimeSpan.Zero, cancellationToken);
        }
        catch (ActorsApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>A page of jobs, newest first, optionally filtered by status and label (<c>key</c> or <c>key=value</c>).</summary>
    public async Task<JobList> ListAsync(JobStatus? status = null, string? label = null, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (status is { } s)
        {
            query.Add("status=" + s.ToString());
        }

        if (label is not null)
        {
            query.Add("label=" + Uri.EscapeDataString(label));
        }

        if (limit is { } l)
        {
            query.Add("limit=" + l.ToString(CultureInfo.InvariantCulture));
        }

        if (cursor is not null)
        {
            query.Add("cursor=" + Uri.EscapeDataString(cursor));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, query.Count == 0 ? "v1/jobs" : "v1/jobs?" + string.Join('&', query));
        return await SendForJsonAsync<JobList>(request, TimeSpan.Zero, cancellationToken);
    }

    /// <summary>The stdout of a final job. 409 (as <see cref="ActorsApiException"/>) while it is not final.</summary>
    public async Task<byte[]> GetOutputAsync(string jobId, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await CopyOutputToAsync(jobId, buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>Streams the stdout of a final job into <paramref name="destination"/>.</summary>
    public async Task CopyOutputToAsync(string jobId, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var request = new HttpRequestMessage(HttpMethod.Get, JobPath(jobId) + "/output");
        using var timeout = LinkTimeout(TimeSpan.Zero, cancellationToken);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            await EnsureSuccessAsync(response, timeout.Token);
            await response.Content.CopyToAsync(destination, timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw TimedOut(request, ex);
        }
    }

    /// <summary>Cancels a job and returns it. 404 when unknown and 409 when already final, as <see cref="ActorsApiException"/>.</summary>
    public async Task<JobSnapshot> CancelAsync(string jobId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, JobPath(jobId));
        return await SendForJsonAsync<JobSnapshot>(request, TimeSpan.Zero, cancellationToken);
    }

    /// <summary>The executor nodes the cluster's scheduler knows.</summary>
    public async Task<IReadOnlyList<NodeStatus>> GetNodesAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/nodes");
        return (await SendForJsonAsync<NodeList>(request, TimeSpan.Zero, cancellationToken)).Nodes;
    }

    /// <summary>
    /// The job's states as they change (server-sent events), starting with the current one, or with the first after
    /// <paramref name="afterVersion"/>; ends after a final state. The server sends keep-alives, so no request timeout
    /// applies once the stream is open; cancel <paramref name="cancellationToken"/> to stop.
    /// </summary>
    public async IAsyncEnumerable<JobSnapshot> WatchAsync(string jobId, long? afterVersion = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, JobPath(jobId) + "/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (afterVersion is { } version)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", version.ToString(CultureInfo.InvariantCulture));
        }

        using var response = await SendHeadersAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var message in ServerSentEventReader.ReadAsync(stream, cancellationToken))
        {
            if (message.Event is "status" or "message" && message.Data.Length > 0)
            {
                yield return JsonSerializer.Deserialize(message.Data, (JsonTypeInfo<JobSnapshot>)JsonOptions.GetTypeInfo(typeof(JobSnapshot)))
                             ?? throw new JsonException("The event stream sent a null job.");
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ActorsHttpJsonContext.Default, GrainInterfacesJsonContext.Default),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The base address ending in '/': relative paths resolve against its last '/', so a prefix like /actors would otherwise be dropped.</summary>
    internal static Uri WithTrailingSlash(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        return !baseAddress.IsAbsoluteUri || baseAddress.AbsolutePath.EndsWith('/')
            ? baseAddress
            : new Uri(baseAddress.GetLeftPart(UriPartial.Path) + "/" + baseAddress.Query);
    }

    private static string JobPath(string jobId)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        return "v1/jobs/" + Uri.EscapeDataString(jobId);
    }

    private void AddSubmissionHeaders(HttpRequestMessage request, string? idempotencyKey)
    {
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        if (Submitter is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Submitter", Submitter);
        }
    }

    private async Task<T> SendForJsonAsync<T>(HttpRequestMessage request, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = LinkTimeout(wait, cancellationToken);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            await EnsureSuccessAsync(response, timeout.Token);
            return await ReadJsonAsync<T>(response, timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw TimedOut(request, ex);
        }
    }

    private async Task<HttpResponseMessage> SendHeadersAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = LinkTimeout(TimeSpan.Zero, cancellationToken);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw TimedOut(request, ex);
        }
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var value = await response.Content.ReadFromJsonAsync((JsonTypeInfo<T>)JsonOptions.GetTypeInfo(typeof(T)), cancellationToken);
        return value ?? throw new JsonException($"The API answered {(int)response.StatusCode} with an empty body where {typeof(T).Name} was expected.");
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemReader.ToExceptionAsync(response, TimeProvider, cancellationToken);
        }
    }

    private CancellationTokenSource LinkTimeout(TimeSpan wait, CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(RequestTimeout + wait);
        return source;
    }

    private TimeoutException TimedOut(HttpRequestMessage request, Exception inner) =>
        new($"{request.Method} {request.RequestUri} got no answer within {RequestTimeout.TotalSeconds:0.#} s (plus any wait it asked for).", inner);
}

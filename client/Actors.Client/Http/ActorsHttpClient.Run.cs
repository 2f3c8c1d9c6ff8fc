using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Actors.GrainInterfaces.Jobs;

namespace Actors.Client.Http;

/// <summary>The synchronous run: <c>POST /v1/run</c>.</summary>
public sealed partial class ActorsHttpClient
{
    // The server waits up to the job's timeout plus its grace period (30 s by default), never more than 300 s.
    private static readonly TimeSpan MaxServerWait = TimeSpan.FromSeconds(300);
    private static readonly TimeSpan RunGrace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs <paramref name="image"/> with <paramref name="stdin"/> as its standard input and waits for it. A job that
    /// fails by itself (non-zero exit, out of memory, timeout) is a result, not an exception; so is one the server
    /// stopped waiting for (<see cref="RunResult.IsFinal"/> false). A cancelled job (409), an infrastructure failure
    /// (502) and invalid requests throw <see cref="ActorsApiException"/>.
    /// </summary>
    /// <param name="image">The container image.</param>
    /// <param name="stdin">The standard input, or null for none. Read to its end; not disposed.</param>
    /// <param name="args">The command and arguments, or null for the image's default.</param>
    /// <param name="timeout">The job's wall-clock timeout (whole seconds), or null for the server's default (300 s).</param>
    /// <param name="cancellationToken">Stops waiting (the job itself goes on).</param>
    public async Task<RunResult> RunAsync(string image, Stream? stdin, IReadOnlyList<string>? args = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        var query = new List<string> { "image=" + Uri.EscapeDataString(image) };
        query.AddRange((args ?? []).Select(a => "cmd=" + Uri.EscapeDataString(a)));
        if (timeout is { } t)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(t, TimeSpan.FromSeconds(1), nameof(timeout));
            query.Add("timeoutSeconds=" + ((int)Math.Ceiling(t.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/run?" + string.Join('&', query))
        {
            Content = stdin is null ? new ByteArrayContent([]) : new StreamContent(stdin),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        AddSubmissionHeaders(request, idempotencyKey: null);

        var serverWait = (timeout ?? TimeSpan.FromSeconds(JobLimits.DefaultTimeoutSeconds)) + RunGrace;
        using var linked = LinkTimeout(serverWait < MaxServerWait ? serverWait : MaxServerWait, cancellationToken);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            return await ReadRunResultAsync(response, linked.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && linked.IsCancellationRequested)
        {
            throw TimedOut(request, ex);
        }
    }

    private async Task<RunResult> ReadRunResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var jobId = response.Headers.TryGetValues("X-Job-Id", out var ids) ? ids.FirstOrDefault() : null;
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                var output = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var exitCode = response.Headers.TryGetValues("X-Exit-Code", out var codes)
                               && int.TryParse(codes.FirstOrDefault(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
                    ? code
                    : 0;
                return new RunResult(jobId ?? string.Empty, JobStatus.Succeeded, exitCode, output, null, null);

            case HttpStatusCode.Accepted:
                var job = await ReadJsonAsync<JobSnapshot>(response, cancellationToken);
                return new RunResult(job.Id, job.Status, job.ExitCode, ReadOnlyMemory<byte>.Empty, job.Reason, job.StderrTail);

            case HttpStatusCode.UnprocessableEntity:
                var problem = await ProblemReader.ToExceptionAsync(response, TimeProvider, cancellationToken);
                if (problem.Extensions.TryGetValue("jobStatus", out var status)
                    && status.ValueKind == JsonValueKind.String
                    && Enum.TryParse<JobStatus>(status.GetString(), ignoreCase: false, out var jobStatus))
                {
                    return new RunResult(
                        Extension(problem, "jobId") ?? jobId ?? string.Empty,
                        jobStatus,
                        problem.Extensions.TryGetValue("exitCode", out var exit) && exit.ValueKind == JsonValueKind.Number ? exit.GetInt32() : null,
                        ReadOnlyMemory<byte>.Empty,
                        Extension(problem, "reason"),
                        Extension(problem, "stderrTail"));
                }

                // A 422 without a job is the image check (no node has the image): an error, not a result.
                throw problem;

            default:
                await EnsureSuccessAsync(response, cancellationToken);
                throw new ActorsApiException(response.StatusCode, $"Unexpected answer {(int)response.StatusCode} to a run.", null);
        }
    }

    private static string? Extension(ActorsApiException problem, string name) =>
        problem.Extensions.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

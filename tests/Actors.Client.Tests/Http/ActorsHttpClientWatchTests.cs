using System.Net;
using System.Text;
using Actors.Client.Http;
using Actors.GrainInterfaces.Jobs;

namespace Actors.Client.Tests.Http;

public sealed class ActorsHttpClientWatchTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task WatchAsync_ParsesEventsWhateverTheChunking(int chunk)
    {
        var stream = string.Concat(
            ": keep-alive\r\n\r\n",
            $"event: status\r\nid: 1\r\ndata: {Jobs.Json(Jobs.Snapshot("j-1", JobStatus.Queued, 1))}\r\n\r\n",
            ": keep-alive\n\n",
            $"event: status\nid: 2\ndata: {Jobs.Json(Jobs.Snapshot("j-1", JobStatus.Running, 2))}\n\n",
            $"event: status\rid: 3\rdata: {Jobs.Json(Jobs.Snapshot("j-1", JobStatus.Succeeded, 3))}\r\r");
        var stub = new StubHandler(_ => SseResponse(Encoding.UTF8.GetBytes(stream), chunk, 3));
        using var client = new ActorsHttpClient(stub.CreateClient());

        var jobs = new List<JobSnapshot>();
        await foreach (var job in client.WatchAsync("j-1", cancellationToken: Token))
        {
            jobs.Add(job);
        }

        Assert.Equal([JobStatus.Queued, JobStatus.Running, JobStatus.Succeeded], jobs.Select(j => j.Status));
        Assert.Equal([1L, 2L, 3L], jobs.Select(j => j.Version));
        Assert.Equal("/v1/jobs/j-1/events", stub.Last.PathAndQuery);
        Assert.False(stub.Last.Headers.ContainsKey("Last-Event-ID"));
    }

    [Fact]
    public async Task WatchAsync_AfterAVersion_SendsLastEventId()
    {
        var stub = new StubHandler(_ => SseResponse(Encoding.UTF8.GetBytes($"event: status\nid: 5\ndata: {Jobs.Json(Jobs.Snapshot(version: 5))}\n\n"), 64));
        using var client = new ActorsHttpClient(stub.CreateClient());

        var jobs = new List<JobSnapshot>();
        await foreach (var job in client.WatchAsync("j-1", afterVersion: 4, cancellationToken: Token))
        {
            jobs.Add(job);
        }

        Assert.Equal(5, Assert.Single(jobs).Version);
        Assert.Equal("4", stub.Last.Headers["Last-Event-ID"]);
    }

    [Fact]
    public async Task WatchAsync_UnknownJob_ThrowsBeforeStreaming()
    {
        var stub = new StubHandler(_ => StubHandler.Problem(HttpStatusCode.NotFound, """{"title":"The job does not exist.","status":404,"detail":"No job has the id 'j-x'."}"""));
        using var client = new ActorsHttpClient(stub.CreateClient());

        var error = await Assert.ThrowsAsync<ActorsApiException>(async () =>
        {
            await foreach (var _ in client.WatchAsync("j-x", cancellationToken: Token))
            {
            }
        });

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("No job has the id 'j-x'.", error.Detail);
    }

    private static HttpResponseMessage SseResponse(byte[] body, params int[] chunks)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new ChunkedStream(body, chunks)) };
        response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
        return response;
    }
}

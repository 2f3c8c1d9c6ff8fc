using System.Net;
using Actors.Cli;
using Actors.Client.Tests.Http;
using Actors.GrainInterfaces.Jobs;

namespace Actors.Client.Tests.Cli;

/// <summary>The CLI's commands end to end against a stub API: what they send, print and exit with.</summary>
public sealed class CliRunTests
{
    [Fact]
    public async Task Status_PrintsTheJobAsJson()
    {
        using var cli = new CliHarness(_ => StubHandler.Json(HttpStatusCode.OK, Jobs.Json(Jobs.Snapshot("j-1", JobStatus.Running, 2))));

        var exit = await cli.RunAsync("status", "j-1");

        Assert.Equal(CliExitCodes.Success, exit);
        Assert.Contains("\"status\": \"Running\"", cli.Out, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"j-1\"", cli.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, cli.Error);
        Assert.Equal("/v1/jobs/j-1", cli.Api.Last.PathAndQuery);
    }

    [Fact]
    public async Task Status_UnknownJob_SaysSoOnOneLineAndExits1()
    {
        using var cli = new CliHarness(_ => StubHandler.Problem(HttpStatusCode.NotFound, """{"title":"The job does not exist.","status":404,"detail":"No job has the id 'j-x'."}"""));

        var exit = await cli.RunAsync("status", "j-x");

        Assert.Equal(CliExitCodes.ApiError, exit);
        var line = Assert.Single(cli.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("404", line, StringComparison.Ordinal);
        Assert.Contains("The job does not exist.", line, StringComparison.Ordinal);
        Assert.Contains("j-x", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, cli.Out);
    }

    [Fact]
    public async Task Submit_ValidationError_NamesTheFieldsAndExits1()
    {
        using var cli = new CliHarness(_ => StubHandler.Problem(HttpStatusCode.BadRequest,
            """{"title":"The job submission is invalid.","status":400,"errors":{"timeoutSeconds":["must be between 1 and 86400"]}}"""));

        var exit = await cli.RunAsync("submit", "busybox", "--timeout", "0");

        Assert.Equal(CliExitCodes.ApiError, exit);
        Assert.Contains("timeoutSeconds: must be between 1 and 86400", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_SendsInputFileLabelsAndCommand()
    {
        var file = Path.Combine(Path.GetTempPath(), "actors-cli-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(file, [1, 2, 3, 250], TestContext.Current.CancellationToken);
        try
        {
            using var cli = new CliHarness(_ => StubHandler.Json(HttpStatusCode.Accepted, Jobs.Json(Jobs.Snapshot("j-3"))));

            var exit = await cli.RunAsync("submit", "busybox", "--input", file, "-l", "team=a=b", "-t", "9", "--", "cat", "-n");

            Assert.Equal(CliExitCodes.Success, exit);
            var body = cli.Api.Last.Json;
            Assert.Equal("/v1/jobs", cli.Api.Last.PathAndQuery);
            Assert.Equal(Convert.ToBase64String([1, 2, 3, 250]), body.GetProperty("inputBase64").GetString());
            Assert.Equal("a=b", body.GetProperty("labels").GetProperty("team").GetString());
            Assert.Equal(9, body.GetProperty("timeoutSeconds").GetInt32());
            Assert.Equal(["cat", "-n"], body.GetProperty("command").EnumerateArray().Select(c => c.GetString()));
            Assert.Contains("\"id\": \"j-3\"", cli.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Submit_InputFromStdin()
    {
        using var cli = new CliHarness(_ => StubHandler.Json(HttpStatusCode.Accepted, Jobs.Json(Jobs.Snapshot()))) { Stdin = "piped"u8.ToArray() };

        var exit = await cli.RunAsync("submit", "busybox", "-i", "-");

        Assert.Equal(CliExitCodes.Success, exit);
        Assert.Equal(Convert.ToBase64String("piped"u8), cli.Api.Last.Json.GetProperty("inputBase64").GetString());
    }

    [Fact]
    public async Task Submit_MissingInputFile_IsAUsageError()
    {
        using var cli = new CliHarness(_ => throw new InvalidOperationException("No request expected."));

        var exit = await cli.RunAsync("submit", "busybox", "--input", "/nonexistent/" + Guid.NewGuid().ToString("N"));

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains("cannot read --input", cli.Error, StringComparison.Ordinal);
        Assert.Empty(cli.Api.Requests);
    }

    [Theory]
    [InlineData(JobStatus.Succeeded, null, 0)]
    [InlineData(JobStatus.Failed, 7, 7)]
    [InlineData(JobStatus.Failed, 256, CliExitCodes.JobFailed)]
    [InlineData(JobStatus.Failed, null, CliExitCodes.JobFailed)]
    [InlineData(JobStatus.TimedOut, null, CliExitCodes.JobTimedOut)]
    [InlineData(JobStatus.Cancelled, null, CliExitCodes.Cancelled)]
    public async Task SubmitWait_ExitsWithTheJobsOutcome(JobStatus status, int? jobExitCode, int expected)
    {
        using var cli = new CliHarness(_ => StubHandler.Json(HttpStatusCode.OK, Jobs.Json(Jobs.Snapshot("j-4", status, 5, jobExitCode))));

        var exit = await cli.RunAsync("submit", "busybox", "--wait");

        Assert.Equal(expected, exit);
        Assert.Equal("/v1/jobs?wait=300", cli.Api.Last.PathAndQuery);
    }

    [Fact]
    public async Task SubmitWait_FollowsTheEventStreamWhenTheServerStoppedWaiting()
    {
        using var cli = new CliHarness(request => request.PathAndQuery switch
        {
            "/v1/jobs?wait=300" => StubHandler.Json(HttpStatusCode.Accepted, Jobs.Json(Jobs.Snapshot("j-5", JobStatus.Running, 2))),
            "/v1/jobs/j-5/events" => StubHandler.Json(
                HttpStatusCode.OK,
                $"event: status\nid: 3\ndata: {Jobs.Json(Jobs.Snapshot("j-5", JobStatus.Failed, 3, exitCode: 4))}\n\n",
                "text/event-stream"),
            _ => throw new InvalidOperationException("Unexpected " + request.PathAndQuery),
        });

        var exit = await cli.RunAsync("submit", "busybox", "-w");

        Assert.Equal(4, exit);
        Assert.Equal("2", cli.Api.Last.Headers["Last-Event-ID"]);
        Assert.Contains("\"status\": \"Failed\"", cli.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_WritesTheRawBytes()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        using var cli = new CliHarness(_ => StubHandler.Bytes(HttpStatusCode.OK, bytes));

        var exit = await cli.RunAsync("output", "j-1");

        Assert.Equal(CliExitCodes.Success, exit);
        Assert.Equal(bytes, cli.RawOut);
        Assert.Equal("/v1/jobs/j-1/output", cli.Api.Last.PathAndQuery);
    }

    [Fact]
    public async Task Cancel_SendsDeleteAndPrintsTheJob()
    {
        using var cli = new CliHarness(_ => StubHandler.Json(HttpStatusCode.OK, Jobs.Json(Jobs.Snapshot("j-1", JobStatus.Cancelled, 3))));

        var exit = await cli.RunAsync("cancel", "j-1");

        Assert.Equal(CliExitCodes.Success, exit);
        Assert.Equal(HttpMethod.Delete, cli.Api.Last.Method);
        Assert.Contains("Cancelled", cli.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nodes_PrintsATable()
    {
        const string Body = """
            {"nodes":[{"node":"vm-1","silo":"127.0.0.1:11111","engineAvailable":true,"engineDetail":null,
              "capacity":{"cpus":2,"memoryMb":2048,"slots":4},"free":{"cpus":1.5,"memoryMb":1024,"slots":3},
              "running":[],"images":["busybox:latest"],"canPull":false,"online":true,"reportedAt":"2026-11-23T12:00:00+00:00"}]}
            """;
        using var cli = new CliHarness(_ => StubHandler.Json(HttpStatusCode.OK, Body));

        var exit = await cli.RunAsync("nodes");

        Assert.Equal(CliExitCodes.Success, exit);
        var lines = cli.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("NODE", lines[0], StringComparison.Ordinal);
        Assert.Contains("vm-1", lines[1], StringComparison.Ordinal);
        Assert.Contains("1.5/2", lines[1], StringComparison.Ordinal);
        Assert.Contains("busybox:latest", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Url_FromTheEnvironment_IsUsed()
    {
        using var cli = new CliHarness(_ => StubHandler.Json(HttpStatusCode.OK, """{"nodes":[]}"""));
        cli.Environment["ACTORS_URL"] = "http://127.0.0.9:6123";

        var exit = await cli.RunAsync("nodes", "--json");

        Assert.Equal(CliExitCodes.Success, exit);
        Assert.Equal(new Uri("http://127.0.0.9:6123"), Assert.Single(cli.BaseAddresses));
        Assert.Equal("http://127.0.0.9:6123/v1/nodes", cli.Api.Last.Uri.ToString());
    }

    [Fact]
    public async Task Url_InvalidInTheEnvironment_IsAUsageError()
    {
        using var cli = new CliHarness(_ => throw new InvalidOperationException("No request expected."));
        cli.Environment["ACTORS_URL"] = "127.0.0.1:5080";

        var exit = await cli.RunAsync("nodes");

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains("ACTORS_URL", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableApi_SaysWhereAndExits1()
    {
        using var cli = new CliHarness(_ => throw new HttpRequestException("Connection refused (127.0.0.1:5080)"));

        var exit = await cli.RunAsync("status", "j-1");

        Assert.Equal(CliExitCodes.ApiError, exit);
        Assert.Contains("cannot reach http://127.0.0.1:5080/", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseError_IsUsageExit2WithoutCallingTheApi()
    {
        using var cli = new CliHarness(_ => throw new InvalidOperationException("No request expected."));

        var exit = await cli.RunAsync("submit", "busybox", "--label", "oops");

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains("--label 'oops' must be k=v", cli.Error, StringComparison.Ordinal);
        Assert.Empty(cli.Api.Requests);
    }
}

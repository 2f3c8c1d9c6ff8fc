using System.CommandLine;
using System.Net;
using Actors.Client.Http;

namespace Actors.Cli.Commands;

/// <summary><c>actors status ID</c>: prints the job as JSON.</summary>
internal static class StatusCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context, Option<string> url)
    {
        var id = new Argument<string>("id") { Description = "The job id" };
        var status = new Command("status", "Print a job as JSON") { id };
        status.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, parse, url, async (client, token) =>
        {
            var jobId = parse.GetRequiredValue(id);
            var job = await client.GetAsync(jobId, token)
                      ?? throw new ActorsApiException(HttpStatusCode.NotFound, "The job does not exist.", $"No job has the id '{jobId}'.");
            await CliJson.WriteAsync(context.Out, job);
            return CliExitCodes.Success;
        }, cancellationToken));
        return status;
    }
}

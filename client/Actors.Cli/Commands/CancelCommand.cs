using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors cancel ID</c>: cancels the job and prints it as JSON.</summary>
internal static class CancelCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context, Option<string> url)
    {
        var id = new Argument<string>("id") { Description = "The job id" };
        var cancel = new Command("cancel", "Cancel a job (kills its container when it runs) and print it") { id };
        cancel.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, parse, url, async (client, token) =>
        {
            await CliJson.WriteAsync(context.Out, await client.CancelAsync(parse.GetRequiredValue(id), token));
            return CliExitCodes.Success;
        }, cancellationToken));
        return cancel;
    }
}

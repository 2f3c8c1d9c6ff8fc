using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors output ID</c>: writes the final job's stdout, byte for byte, to this process's stdout.</summary>
internal static class OutputCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context, Option<string> url)
    {
        var id = new Argument<string>("id") { Description = "The job id" };
        var output = new Command("output", "Write a final job's output (its stdout) to stdout, raw") { id };
        output.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, parse, url, async (client, token) =>
        {
            await context.Out.FlushAsync(token);
            await client.CopyOutputToAsync(parse.GetRequiredValue(id), context.StandardOutput, token);
            await context.StandardOutput.FlushAsync(token);
            return CliExitCodes.Success;
        }, cancellationToken));
        return output;
    }
}

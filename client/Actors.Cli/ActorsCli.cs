using System.CommandLine;
using Actors.Cli.Commands;

namespace Actors.Cli;

/// <summary>The <c>actors</c> command tree and its entry point.</summary>
internal static class ActorsCli
{
    /// <summary>The command tree, with every command bound to <paramref name="context"/> (tests parse it without running).</summary>
    public static RootCommand BuildRootCommand(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = GlobalOptions.CreateUrl(context);
        var root = new RootCommand(
            "actors: submit container jobs to an Actors cluster and read their results.\n" +
            "Exit codes: 0 ok, 1 API or connection error, 2 usage error; submit --wait: the job's exit code, " +
            "124 timed out, 125 failed without exit code, 130 cancelled, 3 not final when waiting stopped.");
        root.Options.Add(url);
        root.Subcommands.Add(SubmitCommand.Create(context, url));
        root.Subcommands.Add(StatusCommand.Create(context, url));
        root.Subcommands.Add(OutputCommand.Create(context, url));
        root.Subcommands.Add(CancelCommand.Create(context, url));
        root.Subcommands.Add(NodesCommand.Create(context, url));
        return root;
    }

    /// <summary>
    /// The parser's errors, and one it cannot see: a dash-prefixed word taken as the job's command before <c>--</c>
    /// (a mistyped option such as <c>--wiat</c> would otherwise be submitted as the command).
    /// </summary>
    public static IReadOnlyList<string> Errors(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var errors = parse.Errors.Select(e => e.Message).ToList();
        errors.AddRange(SubmitCommand.DashedCommandWords(parse).Select(word =>
            $"unknown option '{word}': a job command or argument that starts with a dash goes after --, for example: actors submit busybox -- ls -la"));
        return errors;
    }

    /// <summary>Parses and runs <paramref name="args"/>; a parse error is one line per problem on stderr and exit code 2.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parse = BuildRootCommand(context).Parse(args);
        var errors = Errors(parse);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await context.Error.WriteLineAsync("actors: " + error);
            }

            await context.Error.WriteLineAsync("Run 'actors --help' for usage.");
            return CliExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error }, cancellationToken);
    }
}

using System.CommandLine;
using System.CommandLine.Parsing;
using Actors.Client.Http;
using Actors.GrainInterfaces.Jobs;

namespace Actors.Cli.Commands;

/// <summary><c>actors submit IMAGE [--input FILE|-] [--wait] [--timeout S] [--label k=v]... [-- CMD ARGS]</c>.</summary>
internal static class SubmitCommand
{
    // The most the server waits in one request; longer waits continue on the job's event stream.
    private static readonly TimeSpan ServerWait = TimeSpan.FromSeconds(300);
    private const int MaxStreamFailures = 5;
    private const string CommandArgument = "command";

    /// <summary>The command.</summary>
    public static Command Create(CliContext context, Option<string> url)
    {
        var image = new Argument<string>("image") { Description = "The container image, for example busybox or registry.example:5000/tool:v2" };
        var command = new Argument<string[]>(CommandArgument)
        {
            Description = "The command and its arguments (put them after -- when they start with a dash); default: the image's",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var input = new Option<string>("--input", "-i") { Description = "A file whose bytes become the job's stdin; - reads this process's stdin", HelpName = "FILE|-" };
        var wait = new Option<bool>("--wait", "-w") { Description = "Wait until the job is final; the exit code then reports the job (see actors --help)" };
        var timeout = new Option<int?>("--timeout", "-t") { Description = "The job's wall-clock timeout in seconds (server default 300)", HelpName = "S" };
        var labels = new Option<string[]>("--label", "-l") { Description = "A label key=value (repeatable)", HelpName = "k=v" };
        var env = new Option<string[]>("--env", "-e") { Description = "An environment variable NAME=value (repeatable)", HelpName = "NAME=value" };
        var key = new Option<string>("--idempotency-key", "-k") { Description = "Submitting again with the same key returns the same job", HelpName = "KEY" };
        labels.Validators.Add(result => RequirePairs(result, "--label", "k=v"));
        env.Validators.Add(result => RequirePairs(result, "--env", "NAME=value"));

        var submit = new Command("submit", "Submit a job and print it as JSON") { image, command, input, wait, timeout, labels, env, key };
        submit.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, parse, url, async (client, token) =>
        {
            var submission = new JobSubmission(parse.GetRequiredValue(image))
            {
                Command = parse.GetValue(command) is { Length: > 0 } args ? args : null,
                TimeoutSeconds = parse.GetValue(timeout),
                Labels = Pairs(parse.GetValue(labels)),
                Env = Pairs(parse.GetValue(env)),
            };
            if (parse.GetValue(input) is { } source)
            {
                submission = submission.WithInput(await ReadInputAsync(context, source, token));
            }

            var waiting = parse.GetValue(wait);
            var job = await client.SubmitAsync(submission, parse.GetValue(key), waiting ? ServerWait : null, token);
            if (waiting && !job.Status.IsFinal())
            {
                job = await WaitUntilFinalAsync(client, job, token);
            }

            await CliJson.WriteAsync(context.Out, job);
            return waiting ? CliExitCodes.ForJob(job) : CliExitCodes.Success;
        }, cancellationToken));
        return submit;
    }

    /// <summary>Words of the job's command that start with a dash but came before <c>--</c>.</summary>
    public static IEnumerable<string> DashedCommandWords(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.CommandResult.Command.Name != "submit" || parse.GetResult(CommandArgument) is not { } command)
        {
            return [];
        }

        var all = parse.Tokens.ToList();
        var doubleDash = all.FindIndex(t => t.Type == TokenType.DoubleDash);
        var beforeDoubleDash = doubleDash < 0 ? all : all.Take(doubleDash).ToList();
        // Token equality compares values; the same word may appear before and after "--", so compare instances.
        return command.Tokens
            .Where(t => t.Value.Length > 1 && t.Value[0] == '-' && beforeDoubleDash.Any(b => ReferenceEquals(b, t)))
            .Select(t => t.Value)
            .ToList();
    }

    private static void RequirePairs(OptionResult result, string option, string shape)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.IndexOf('=', StringComparison.Ordinal) <= 0)
            {
                result.AddError($"{option} '{token.Value}' must be {shape}");
            }
        }
    }

    private static Dictionary<string, string>? Pairs(string[]? values)
    {
        if (values is not { Length: > 0 })
        {
            return null;
        }

        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            pairs[value[..equals]] = value[(equals + 1)..];
        }

        return pairs;
    }

    private static async Task<byte[]> ReadInputAsync(CliContext context, string source, CancellationToken cancellationToken)
    {
        try
        {
            if (source == "-")
            {
                await using var stdin = context.OpenStandardInput();
                using var buffer = new MemoryStream();
                await stdin.CopyToAsync(buffer, cancellationToken);
                return buffer.ToArray();
            }

            return await File.ReadAllBytesAsync(source, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read --input '{source}': {ex.Message}", ex);
        }
    }

    // Follows the job's event stream until it is final; a broken stream is reopened from the last version seen.
    private static async Task<JobSnapshot> WaitUntilFinalAsync(ActorsHttpClient client, JobSnapshot job, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!job.Status.IsFinal() && failures < MaxStreamFailures)
        {
            var progressed = false;
            try
            {
                await foreach (var next in client.WatchAsync(job.Id, job.Version, cancellationToken))
                {
                    job = next;
                    progressed = true;
                    if (job.Status.IsFinal())
                    {
                        return job;
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException)
            {
                // Reopened below.
            }

            failures = progressed ? 0 : failures + 1;
            if (!job.Status.IsFinal())
            {
                job = await client.GetAsync(job.Id, cancellationToken) ?? job;
                if (!job.Status.IsFinal() && !progressed)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                }
            }
        }

        return job;
    }
}

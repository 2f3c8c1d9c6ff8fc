using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Actors.Client.Http;

namespace Actors.Cli;

/// <summary>Runs a command's body with an API client and turns every failure into one line on stderr and an exit code.</summary>
internal static class CommandRunner
{
    /// <summary>Resolves <c>--url</c>, makes the client, runs <paramref name="body"/>.</summary>
    public static async Task<int> RunAsync(
        CliContext context,
        ParseResult parse,
        Option<string> urlOption,
        Func<ActorsHttpClient, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        var text = parse.GetValue(urlOption);
        if (!GlobalOptions.TryParse(text, out var url))
        {
            await context.Error.WriteLineAsync($"actors: '{text}' (from --url or ${GlobalOptions.UrlVariable}) is not an http or https address, for example {GlobalOptions.DefaultUrl}");
            return CliExitCodes.Usage;
        }

        try
        {
            using var client = context.CreateClient(url);
            return await body(client, cancellationToken);
        }
        catch (CliUsageException ex)
        {
            await context.Error.WriteLineAsync("actors: " + ex.Message);
            return CliExitCodes.Usage;
        }
        catch (ActorsApiException ex)
        {
            await context.Error.WriteLineAsync("actors: " + Describe(ex));
            return CliExitCodes.ApiError;
        }
        catch (HttpRequestException ex)
        {
            await context.Error.WriteLineAsync($"actors: cannot reach {url}: {ex.Message}");
            return CliExitCodes.ApiError;
        }
        catch (TimeoutException ex)
        {
            await context.Error.WriteLineAsync("actors: " + ex.Message);
            return CliExitCodes.ApiError;
        }
        catch (JsonException ex)
        {
            await context.Error.WriteLineAsync($"actors: {url} answered with something that is not the Actors API: {ex.Message}");
            return CliExitCodes.ApiError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CliExitCodes.Cancelled;
        }
    }

    /// <summary>One line: status, title, then the named fields (or the detail), and when to retry.</summary>
    public static string Describe(ActorsApiException problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var line = $"{((int)problem.StatusCode).ToString(CultureInfo.InvariantCulture)} {problem.Title}";
        if (problem.Errors.Count > 0)
        {
            line += " " + string.Join("; ", problem.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
        }
        else if (!string.IsNullOrEmpty(problem.Detail))
        {
            line += " " + problem.Detail;
        }

        if (problem.RetryAfter is { } retryAfter)
        {
            line += $" (retry after {Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s)";
        }

        return line.ReplaceLineEndings(" ");
    }
}

using System.CommandLine;

namespace Actors.Cli;

/// <summary>The options every command takes.</summary>
internal static class GlobalOptions
{
    /// <summary>The silo's address when neither <c>--url</c> nor <c>ACTORS_URL</c> gives one.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The environment variable with the silo's address.</summary>
    public const string UrlVariable = "ACTORS_URL";

    /// <summary>The <c>--url</c> option.</summary>
    public static Option<string> CreateUrl(CliContext context)
    {
        var url = new Option<string>("--url")
        {
            Description = $"The silo's REST address (default: ${UrlVariable}, else {DefaultUrl})",
            HelpName = "URL",
            Recursive = true,
            DefaultValueFactory = _ => context.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultUrl,
        };
        url.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !TryParse(result.Tokens[0].Value, out _))
            {
                result.AddError($"--url '{result.Tokens[0].Value}' is not an http or https address, for example {DefaultUrl}");
            }
        });
        return url;
    }

    /// <summary>An absolute http(s) address, or false.</summary>
    public static bool TryParse(string? text, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        url = parsed;
        return true;
    }
}

using Actors.Client.Http;

namespace Actors.Cli;

/// <summary>What the commands read and write, and how they reach the API: the console in production, buffers and fakes in tests.</summary>
internal sealed class CliContext
{
    /// <summary>Standard output for text (JSON, tables).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard output for raw bytes (<c>actors output</c>); <see cref="Out"/> is flushed before it is written.</summary>
    public required Stream StandardOutput { get; init; }

    /// <summary>Standard error: one line per error.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Opens standard input (for <c>--input -</c>).</summary>
    public required Func<Stream> OpenStandardInput { get; init; }

    /// <summary>Reads an environment variable (<c>ACTORS_URL</c>).</summary>
    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    /// <summary>Makes the API client for a base address.</summary>
    public required Func<Uri, ActorsHttpClient> CreateClient { get; init; }

    /// <summary>The process's console and environment.</summary>
    public static CliContext FromConsole() => new()
    {
        Out = Console.Out,
        StandardOutput = Console.OpenStandardOutput(),
        Error = Console.Error,
        OpenStandardInput = Console.OpenStandardInput,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        CreateClient = url => new ActorsHttpClient(url),
    };
}

using System.Diagnostics.CodeAnalysis;

namespace Actors.Containers.Docker;

/// <summary>Reads the engine endpoint setting (<c>unix:///path/to/docker.sock</c>).</summary>
internal static class DockerEndpoint
{
    private const string UnixScheme = "unix://";

    /// <summary>The socket path of <paramref name="endpoint"/>, or false with why it is not a usable endpoint.</summary>
    public static bool TryParse(string? endpoint, [NotNullWhen(true)] out string? socketPath, [NotNullWhen(false)] out string? error)
    {
        socketPath = null;
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            error = $"the endpoint is empty; use for example '{DockerOptions.DefaultEndpoint}'.";
            return false;
        }

        if (!endpoint.StartsWith(UnixScheme, StringComparison.Ordinal))
        {
            error = $"'{endpoint}' is not a unix:// endpoint (only the engine's Unix socket is supported, for example '{DockerOptions.DefaultEndpoint}').";
            return false;
        }

        var path = endpoint[UnixScheme.Length..];
        if (!path.StartsWith('/') || path.Length < 2 || path.Contains('\0', StringComparison.Ordinal))
        {
            error = $"'{endpoint}' does not name an absolute socket path (for example '{DockerOptions.DefaultEndpoint}').";
            return false;
        }

        socketPath = path;
        error = null;
        return true;
    }
}

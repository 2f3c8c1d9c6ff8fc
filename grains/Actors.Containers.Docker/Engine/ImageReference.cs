using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Actors.Containers.Docker.Engine;

/// <summary>
/// An image name in the engine's grammar, <c>[domain/]path[:tag][@digest]</c>, checked before it goes into a request
/// path (so a name can never address another endpoint) and split for pulls.
/// </summary>
/// <param name="Domain">The registry host[:port], or null when the name has none.</param>
/// <param name="Path">The repository path, for example <c>actors/cat</c>.</param>
/// <param name="Tag">The tag, or null.</param>
/// <param name="Digest">The content digest (<c>sha256:...</c>), or null.</param>
internal sealed partial record ImageReference(string? Domain, string Path, string? Tag, string? Digest)
{
    /// <summary>The longest repository name the engine accepts.</summary>
    public const int MaxNameLength = 255;

    /// <summary>The tag pulls use when a name has neither tag nor digest.</summary>
    public const string DefaultTag = "latest";

    /// <summary><see cref="Domain"/>/<see cref="Path"/>, or the path alone.</summary>
    public string Repository => Domain is null ? Path : $"{Domain}/{Path}";

    /// <summary>Reads <paramref name="image"/>.</summary>
    /// <exception cref="ArgumentException">It is not a valid image name, with the reason.</exception>
    public static ImageReference Parse(string image) =>
        TryParse(image, out var reference, out var error)
            ? reference
            : throw new ArgumentException($"'{image}' is not a valid image name: {error}.", nameof(image));

    /// <summary>Reads <paramref name="image"/>, or says why it is not a valid image name.</summary>
    public static bool TryParse(string? image, [NotNullWhen(true)] out ImageReference? reference, [NotNullWhen(false)] out string? error)
    {
        reference = null;
        if (string.IsNullOrEmpty(image))
        {
            error = "it is empty";
            return false;
        }

        var rest = image;
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!DigestPattern().IsMatch(digest))
            {
                error = $"the digest '{digest}' is not algorithm:hex (for example sha256: and 64 hex digits)";
                return false;
            }
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                error = $"the tag '{tag}' is not 1-128 letters, digits, '_', '.' or '-' (not starting with '.' or '-')";
                return false;
            }
        }

        if (rest.Length == 0 || rest.Length > MaxNameLength)
        {
            error = $"the repository name must have 1 to {MaxNameLength} characters";
            return false;
        }

        var components = rest.Split('/');
        string? domain = null;
        var first = components[0];
        if (components.Length > 1 && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"))
        {
            if (!DomainPattern().IsMatch(first))
            {
                error = $"the registry '{first}' is not a host or host:port";
                return false;
            }

            domain = first;
            components = components[1..];
        }

        foreach (var component in components)
        {
            if (!PathComponentPattern().IsMatch(component))
            {
                error = $"the path component '{component}' must be lowercase letters and digits, separated by '.', '_', '__' or dashes";
                return false;
            }
        }

        reference = new ImageReference(domain, string.Join('/', components), tag, digest);
        error = null;
        return true;
    }

    /// <summary>The same image in <paramref name="registry"/>.</summary>
    public ImageReference InRegistry(string registry) => this with { Domain = registry };

    /// <inheritdoc />
    public override string ToString() =>
        Repository + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*\z")]
    private static partial Regex PathComponentPattern();

    [GeneratedRegex(@"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::[0-9]{1,5})?\z")]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}\z")]
    private static partial Regex DigestPattern();
}

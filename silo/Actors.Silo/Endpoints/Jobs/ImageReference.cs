using System.Text.RegularExpressions;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>
/// Container image references as Docker writes them: <c>[registry[:port]/]path[:tag][@digest]</c> with a lower-case
/// path. <see cref="Normalize"/> makes equal references compare equal ("busybox" = "busybox:latest" =
/// "docker.io/library/busybox:latest").
/// </summary>
internal static partial class ImageReference
{
    /// <summary>The longest reference accepted (Docker caps the name at 255 characters; tag and digest come on top).</summary>
    public const int MaxLength = 512;

    private const string DefaultTag = "latest";

    /// <summary>Whether <paramref name="reference"/> is a plausible image reference.</summary>
    public static bool IsValid(string? reference) =>
        reference is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(reference) && NameLength(reference) <= 255;

    /// <summary>
    /// The canonical short form: Docker Hub's <c>docker.io/</c> and <c>library/</c> prefixes dropped, <c>:latest</c> added
    /// when neither tag nor digest is given. Returns the input unchanged when it is not a valid reference.
    /// </summary>
    public static string Normalize(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!IsValid(reference))
        {
            return reference;
        }

        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var digest = at >= 0 ? reference[at..] : string.Empty;
        var nameAndTag = at >= 0 ? reference[..at] : reference;
        var lastSlash = nameAndTag.LastIndexOf('/');
        var colon = nameAndTag.LastIndexOf(':');
        string? tag = null;
        var name = nameAndTag;
        if (colon > lastSlash)
        {
            tag = nameAndTag[(colon + 1)..];
            name = nameAndTag[..colon];
        }

        var firstSlash = name.IndexOf('/', StringComparison.Ordinal);
        if (firstSlash > 0 && IsDomain(name[..firstSlash]))
        {
            var domain = name[..firstSlash];
            if (domain is "docker.io" or "index.docker.io" or "registry-1.docker.io")
            {
                name = name[(firstSlash + 1)..];
            }
        }

        if (name.StartsWith("library/", StringComparison.Ordinal) && name.IndexOf('/', "library/".Length) < 0)
        {
            name = name["library/".Length..];
        }

        if (tag is null && digest.Length == 0)
        {
            tag = DefaultTag;
        }

        return tag is null ? name + digest : name + ":" + tag + digest;
    }

    /// <summary>Whether two references name the same image once normalised.</summary>
    public static bool SameImage(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    // Docker's rule: the first path component is a registry when it has a dot or a port, or is localhost.
    private static bool IsDomain(string component) =>
        component.Contains('.', StringComparison.Ordinal) || component.Contains(':', StringComparison.Ordinal) || component == "localhost";

    private static int NameLength(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var nameAndTag = at >= 0 ? reference[..at] : reference;
        var colon = nameAndTag.LastIndexOf(':');
        return colon > nameAndTag.LastIndexOf('/') ? colon : nameAndTag.Length;
    }

    // domain: dot-separated host labels with an optional port, followed by '/';
    // path: lower-case components joined by '.', '_', '__' or dashes, separated by '/';
    // tag: up to 128 word characters, dots and dashes, not starting with a dot or dash;
    // digest: algorithm ':' at least 32 hex digits.
    [GeneratedRegex(
        @"^(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?/)?" +
        @"[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*" +
        @"(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?" +
        @"(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}

using System.Globalization;
using System.Net;
using Actors.GrainInterfaces.Coordination.Discovery;

namespace Actors.Grains.Coordination.Discovery;

/// <summary>Checks service names and registrations; a bad one throws <see cref="ArgumentException"/> naming the field.</summary>
internal static class ServiceRegistrationValidator
{
    public const int MaxNameLength = 256;
    public const int MaxTags = 64;
    public const int MaxMetadata = 64;
    public const int MaxTextLength = 256;
    public const int MaxMetadataValueLength = 1024;
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromHours(1);

    /// <summary>Throws unless <paramref name="name"/> is 1-256 characters of [A-Za-z0-9._-].</summary>
    public static void ValidateName(string? name, string field)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException($"{field} must not be empty.", field);
        }

        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"{field} is {name.Length} characters long; at most {MaxNameLength} are allowed.", field);
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                throw new ArgumentException($"{field} '{name}' contains '{c}'; only A-Z, a-z, 0-9, '.', '_' and '-' are allowed.", field);
            }
        }
    }

    public static void Validate(ServiceRegistration? registration)
    {
        if (registration is null)
        {
            throw new ArgumentException("The registration must not be null.", nameof(registration));
        }

        ValidateName(registration.InstanceId, "instanceId");
        if (string.IsNullOrWhiteSpace(registration.Address) || registration.Address.Length > MaxTextLength)
        {
            throw new ArgumentException($"address must be a host name or IP address of 1-{MaxTextLength} characters.", "address");
        }

        if (registration.Port is < 1 or > 65535)
        {
            throw new ArgumentException($"port {registration.Port} is outside 1-65535.", "port");
        }

        ValidateTags(registration.Tags);
        ValidateMetadata(registration.Metadata);
        if (registration.SessionId is not null && registration.SessionId.Length == 0)
        {
            throw new ArgumentException("sessionId must be null or not empty.", "sessionId");
        }

        if (registration.Check is { } check)
        {
            ValidateCheck(check);
        }
    }

    private static void ValidateTags(IReadOnlyList<string>? tags)
    {
        if (tags is null)
        {
            throw new ArgumentException("tags must not be null (use an empty list).", "tags");
        }

        if (tags.Count > MaxTags)
        {
            throw new ArgumentException($"tags has {tags.Count} entries; at most {MaxTags} are allowed.", "tags");
        }

        foreach (var tag in tags)
        {
            if (string.IsNullOrEmpty(tag) || tag.Length > MaxTextLength)
            {
                throw new ArgumentException($"Every tag must be 1-{MaxTextLength} characters long.", "tags");
            }
        }
    }

    private static void ValidateMetadata(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            throw new ArgumentException("metadata must not be null (use an empty map).", "metadata");
        }

        if (metadata.Count > MaxMetadata)
        {
            throw new ArgumentException($"metadata has {metadata.Count} pairs; at most {MaxMetadata} are allowed.", "metadata");
        }

        foreach (var (key, value) in metadata)
        {
            if (string.IsNullOrEmpty(key) || key.Length > MaxTextLength)
            {
                throw new ArgumentException($"Every metadata key must be 1-{MaxTextLength} characters long.", "metadata");
            }

            if (value is null || value.Length > MaxMetadataValueLength)
            {
                throw new ArgumentException($"metadata '{key}' must have a value of at most {MaxMetadataValueLength} characters.", "metadata");
            }
        }
    }

    private static void ValidateCheck(HealthCheck check)
    {
        if ((check.Ttl is null) == (check.HttpUrl is null))
        {
            throw new ArgumentException("check must have exactly one of ttl or httpUrl.", "check");
        }

        ValidateInterval(check.Ttl, "check.ttl");
        ValidateInterval(check.Interval, "check.interval");
        ValidateInterval(check.Timeout, "check.timeout");
        ValidateInterval(check.DeregisterAfter, "check.deregisterAfter");
        if (check.Ttl is not null && (check.Interval is not null || check.Timeout is not null))
        {
            throw new ArgumentException("check.interval and check.timeout apply to HTTP checks only, not to a TTL check.", "check");
        }

        if (check.HttpUrl is { } url)
        {
            ValidateLoopbackUrl(url);
        }
    }

    private static void ValidateInterval(TimeSpan? value, string field)
    {
        if (value is { } v && (v < MinInterval || v > MaxInterval))
        {
            throw new ArgumentException(
                $"{field} {v.ToString("c", CultureInfo.InvariantCulture)} is outside {MinInterval.TotalSeconds:0} s to {MaxInterval.TotalHours:0} h.", field);
        }
    }

    /// <summary>Only http:// URLs to a loopback address (127.0.0.0/8, ::1, localhost) may be probed (the network rule).</summary>
    private static void ValidateLoopbackUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"check.httpUrl '{url}' must be an absolute http:// URL.", "check.httpUrl");
        }

        if (!IsLoopbackHost(uri.IdnHost))
        {
            throw new ArgumentException($"check.httpUrl '{url}' must point at a loopback address (127.0.0.0/8, ::1 or localhost).", "check.httpUrl");
        }
    }

    /// <summary>True for "localhost" and loopback IP literals.</summary>
    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

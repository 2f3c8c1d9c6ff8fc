using System.Globalization;
using System.Net;
using Actors.GrainInterfaces.Coordination.Discovery;
using Actors.Silo.Endpoints.Jobs;

namespace Actors.Silo.Endpoints.Coordination.Discovery;

/// <summary>Checks a <see cref="RegisterInstanceRequest"/> and turns it into a <see cref="ServiceRegistration"/>.</summary>
internal static class ServiceRegistrationReader
{
    /// <summary>The most tags or metadata entries of one instance.</summary>
    public const int MaxItems = 64;

    private const int MaxSeconds = 24 * 3600;

    /// <summary>The registration, or null with the mistakes in <paramref name="errors"/>.</summary>
    public static ServiceRegistration? Read(string instanceId, RegisterInstanceRequest body, ErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(errors);
        CoordinationInput.Name(body.Address, "address", errors);
        if (body.Port is not { } port)
        {
            errors.Add("port", "is required");
        }
        else if (port is < 1 or > 65535)
        {
            errors.Add("port", "must be between 1 and 65535");
        }

        if (body.Tags is { } tags)
        {
            if (tags.Count > MaxItems)
            {
                errors.Add("tags", $"may have at most {MaxItems.ToString(CultureInfo.InvariantCulture)} entries");
            }

            for (var i = 0; i < tags.Count; i++)
            {
                CoordinationInput.Name(tags[i], $"tags[{i.ToString(CultureInfo.InvariantCulture)}]", errors);
            }
        }

        if (body.Metadata is { } metadata)
        {
            if (metadata.Count > MaxItems)
            {
                errors.Add("metadata", $"may have at most {MaxItems.ToString(CultureInfo.InvariantCulture)} entries");
            }

            foreach (var (key, value) in metadata)
            {
                CoordinationInput.Name(key, "metadata", errors);
                CoordinationInput.Text(value, "metadata." + key, CoordinationInput.MaxNameLength * 4, errors);
            }
        }

        if (body.Session is not null)
        {
            CoordinationInput.SessionId(body.Session, "session", errors);
        }

        var check = body.Check is null ? null : Check(body.Check, errors);
        return errors.Count > 0
            ? null
            : new ServiceRegistration(
                instanceId,
                body.Address!,
                body.Port!.Value,
                body.Tags ?? [],
                body.Metadata ?? new Dictionary<string, string>(StringComparer.Ordinal),
                body.Session,
                check);
    }

    private static HealthCheck? Check(HealthCheckRequest check, ErrorCollector errors)
    {
        var before = errors.Count;
        if ((check.TtlSeconds is null) == (check.Http is null))
        {
            errors.Add("check", "give exactly one of ttlSeconds (a TTL check) and http (an HTTP check)");
        }

        Seconds(check.TtlSeconds, "check.ttlSeconds", errors);
        Seconds(check.IntervalSeconds, "check.intervalSeconds", errors);
        Seconds(check.TimeoutSeconds, "check.timeoutSeconds", errors);
        Seconds(check.DeregisterAfterSeconds, "check.deregisterAfterSeconds", errors);
        if (check.Http is null && (check.IntervalSeconds is not null || check.TimeoutSeconds is not null))
        {
            errors.Add(check.IntervalSeconds is not null ? "check.intervalSeconds" : "check.timeoutSeconds", "applies only to an HTTP check");
        }

        if (check.Http is { } http && !IsLoopbackHttp(http))
        {
            errors.Add("check.http", "must be an absolute http:// URL on a loopback address (127.0.0.0/8, ::1 or localhost)");
        }

        return errors.Count > before
            ? null
            : new HealthCheck(Span(check.TtlSeconds), check.Http, Span(check.IntervalSeconds), Span(check.TimeoutSeconds), Span(check.DeregisterAfterSeconds));
    }

    private static bool IsLoopbackHttp(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttp
        && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));

    private static void Seconds(int? value, string field, ErrorCollector errors)
    {
        if (value is < 1 or > MaxSeconds)
        {
            errors.Add(field, $"must be between 1 and {MaxSeconds.ToString(CultureInfo.InvariantCulture)} seconds");
        }
    }

    private static TimeSpan? Span(int? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;
}

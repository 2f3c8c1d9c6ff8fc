using System.Net;
using System.Text.RegularExpressions;

namespace Actors.Client;

/// <summary>Checks <see cref="ClusterClientOptions"/> before a client uses them.</summary>
internal static partial class ClusterClientOptionsValidator
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    /// <summary>Checks every option; returns the gateway endpoints, parsed.</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message and parameter name name it.</exception>
    public static IReadOnlyList<IPEndPoint> Validate(ClusterClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ClusterId is null || !ClusterIdPattern().IsMatch(options.ClusterId))
        {
            throw new ArgumentException(
                $"ClusterClientOptions.ClusterId '{options.ClusterId}' must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit.",
                nameof(options.ClusterId));
        }

        if (options.Gateways is null || options.Gateways.Count == 0)
        {
            throw new ArgumentException(
                "ClusterClientOptions.Gateways must list at least one gateway endpoint, for example \"127.0.0.1:30000\".", nameof(options.Gateways));
        }

        var endpoints = new List<IPEndPoint>(options.Gateways.Count);
        foreach (var gateway in options.Gateways)
        {
            if (!TryParseEndPoint(gateway, out var endpoint))
            {
                throw new ArgumentException(
                    $"ClusterClientOptions.Gateways holds '{gateway}', which is not an 'address:port' endpoint such as \"127.0.0.1:30000\".",
                    nameof(options.Gateways));
            }

            if (!endpoints.Contains(endpoint))
            {
                endpoints.Add(endpoint);
            }
        }

        CheckRange(options.ResponseTimeout, TimeSpan.FromMilliseconds(1), nameof(options.ResponseTimeout));
        CheckRange(options.GatewayRefreshPeriod, TimeSpan.FromMilliseconds(10), nameof(options.GatewayRefreshPeriod));
        if (options.ClientId is { } clientId && (string.IsNullOrWhiteSpace(clientId) || clientId.Length > 256))
        {
            throw new ArgumentException("ClusterClientOptions.ClientId must be null or 1-256 characters, not blank.", nameof(options.ClientId));
        }

        if (options.TypeInfoResolvers.Any(static r => r is null))
        {
            throw new ArgumentException("ClusterClientOptions.TypeInfoResolvers must not hold null.", nameof(options.TypeInfoResolvers));
        }

        if (options.TimeProvider is null)
        {
            throw new ArgumentException("ClusterClientOptions.TimeProvider is required.", nameof(options.TimeProvider));
        }

        if (options.LoggerFactory is null)
        {
            throw new ArgumentException("ClusterClientOptions.LoggerFactory is required (NullLoggerFactory.Instance for no logs).", nameof(options.LoggerFactory));
        }

        return endpoints;
    }

    /// <summary>Parses <c>address:port</c> with an IP address and a port of 1-65535.</summary>
    public static bool TryParseEndPoint(string? text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        if (string.IsNullOrWhiteSpace(text) || !IPEndPoint.TryParse(text.Trim(), out var parsed) || parsed.Port == 0)
        {
            return false;
        }

        // IPEndPoint.TryParse accepts a bare address (port 0, rejected above) and "address:port" forms only.
        endpoint = parsed;
        return true;
    }

    private static void CheckRange(TimeSpan value, TimeSpan min, string name)
    {
        if (value < min || value > MaxTimeout)
        {
            throw new ArgumentOutOfRangeException(name, value, $"ClusterClientOptions.{name} must be between {min} and {MaxTimeout}; it is {value}.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClusterIdPattern();
}

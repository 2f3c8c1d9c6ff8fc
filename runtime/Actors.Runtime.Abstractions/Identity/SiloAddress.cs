using System.Globalization;
using System.Net;

namespace Actors;

/// <summary>
/// A silo process: the endpoint other silos reach it at, plus a generation (its start time in
/// milliseconds) so a restarted process on the same endpoint is a different silo.
/// </summary>
public sealed class SiloAddress : IEquatable<SiloAddress>, IComparable<SiloAddress>
{
    /// <summary>Creates a silo address.</summary>
    public SiloAddress(IPEndPoint endpoint, long generation)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        Generation = generation;
        UniformHash = StableHash.Compute(ToString());
    }

    /// <summary>The silo-to-silo endpoint.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>Distinguishes successive processes on one endpoint; larger is newer.</summary>
    public long Generation { get; }

    /// <summary>A process-independent hash (ring position).</summary>
    public uint UniformHash { get; }

    /// <summary>Parses the <c>host:port@generation</c> form written by <see cref="ToString"/>.</summary>
    public static SiloAddress Parse(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var at = value.LastIndexOf('@');
        if (at <= 0 || !IPEndPoint.TryParse(value[..at], out var endpoint)
            || !long.TryParse(value.AsSpan(at + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var generation))
        {
            throw new FormatException($"'{value}' is not a silo address; expected 'host:port@generation'.");
        }

        return new SiloAddress(endpoint, generation);
    }

    /// <inheritdoc />
    public bool Equals(SiloAddress? other) =>
        other is not null && Generation == other.Generation && Endpoint.Equals(other.Endpoint);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SiloAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (int)UniformHash;

    /// <inheritdoc />
    public int CompareTo(SiloAddress? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byEndpoint = string.CompareOrdinal(Endpoint.ToString(), other.Endpoint.ToString());
        return byEndpoint != 0 ? byEndpoint : Generation.CompareTo(other.Generation);
    }

    /// <summary>True when this is the same endpoint as <paramref name="other"/> but a newer process.</summary>
    public bool IsSuccessorOf(SiloAddress other) => Endpoint.Equals(other.Endpoint) && Generation > other.Generation;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Endpoint}@{Generation}");

    /// <summary>Equality.</summary>
    public static bool operator ==(SiloAddress? left, SiloAddress? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(SiloAddress? left, SiloAddress? right) => !(left == right);
}

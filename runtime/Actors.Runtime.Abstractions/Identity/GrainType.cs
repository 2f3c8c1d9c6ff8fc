namespace Actors;

/// <summary>
/// The name of a grain class as the cluster knows it (for example <c>task</c> for <c>TaskGrain</c>).
/// Stable across builds and processes; part of every <see cref="GrainId"/>.
/// </summary>
public readonly struct GrainType : IEquatable<GrainType>, IComparable<GrainType>
{
    private readonly string? _value;

    /// <summary>Creates a grain type from its name.</summary>
    /// <exception cref="ArgumentException">The name is empty or contains '/'.</exception>
    public GrainType(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (value.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A grain type name cannot contain '/': '{value}'.", nameof(value));
        }

        _value = value;
    }

    /// <summary>The type name.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the default value, which names no grain type.</summary>
    public bool IsDefault => _value is null;

    /// <inheritdoc />
    public bool Equals(GrainType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public int CompareTo(GrainType other) => string.CompareOrdinal(_value, other._value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Equality.</summary>
    public static bool operator ==(GrainType left, GrainType right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(GrainType left, GrainType right) => !left.Equals(right);
}

using System.Diagnostics.CodeAnalysis;

namespace Actors;

/// <summary>
/// The identity of a grain: its <see cref="GrainType"/> and its key, written <c>type/key</c>.
/// A grain is virtual: the id names it whether or not it is active anywhere.
/// </summary>
/// <remarks>
/// <see cref="UniformHash"/> is a hash that is the same in every process (unlike string.GetHashCode),
/// so silos agree on which of them owns an id's place on the ring (hash placement, reminder ranges).
/// </remarks>
public readonly struct GrainId : IEquatable<GrainId>
{
    private readonly string? _key;

    /// <summary>Creates a grain id.</summary>
    public GrainId(GrainType type, string key)
    {
        if (type.IsDefault)
        {
            throw new ArgumentException("A grain id needs a grain type.", nameof(type));
        }

        ArgumentNullException.ThrowIfNull(key);
        Type = type;
        _key = key;
        UniformHash = StableHash.Compute(type.Value, key);
    }

    /// <summary>The grain's type.</summary>
    public GrainType Type { get; }

    /// <summary>The grain's key, in the canonical text form of its key kind.</summary>
    public string Key => _key ?? string.Empty;

    /// <summary>A process-independent hash of the id.</summary>
    public uint UniformHash { get; }

    /// <summary>True for the default value, which names no grain.</summary>
    public bool IsDefault => _key is null;

    /// <summary>Parses the <c>type/key</c> form written by <see cref="ToString"/>.</summary>
    public static GrainId Parse(string value)
    {
        if (!TryParse(value, out var id))
        {
            throw new FormatException($"'{value}' is not a grain id; expected 'type/key'.");
        }

        return id;
    }

    /// <summary>Tries to parse the <c>type/key</c> form written by <see cref="ToString"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out GrainId id)
    {
        id = default;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return false;
        }

        id = new GrainId(new GrainType(value[..slash]), value[(slash + 1)..]);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(GrainId other) =>
        UniformHash == other.UniformHash && Type.Equals(other.Type) && string.Equals(_key, other._key, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (int)UniformHash;

    /// <inheritdoc />
    public override string ToString() => IsDefault ? "(none)" : Type.Value + "/" + _key;

    /// <summary>Equality.</summary>
    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);
}

using System.Globalization;

namespace Actors;

/// <summary>How long an activation of this grain class may sit idle before it is collected (overrides the silo default).</summary>
/// <param name="age">A <see cref="TimeSpan"/> in invariant "c" form, for example <c>"00:10:00"</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CollectionAgeLimitAttribute(string age) : Attribute
{
    /// <summary>The idle age limit.</summary>
    public TimeSpan Age { get; } = TimeSpan.Parse(age, CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Actors;

/// <summary>The deadline for calls of one grain interface method, instead of the default (30 s).</summary>
/// <param name="timeout">A <see cref="TimeSpan"/> in invariant "c" form, for example <c>"00:00:05"</c>.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class ResponseTimeoutAttribute(string timeout) : Attribute
{
    /// <summary>The deadline.</summary>
    public TimeSpan Timeout { get; } = TimeSpan.Parse(timeout, CultureInfo.InvariantCulture);
}

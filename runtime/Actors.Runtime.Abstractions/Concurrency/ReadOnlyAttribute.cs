namespace Actors;

/// <summary>
/// A grain interface method that does not change the grain's state: its requests may interleave with other
/// read-only requests (never with an ordinary one).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class ReadOnlyAttribute : Attribute;

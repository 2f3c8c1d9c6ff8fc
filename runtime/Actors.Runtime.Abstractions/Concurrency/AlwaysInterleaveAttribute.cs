namespace Actors;

/// <summary>A grain interface method whose requests may interleave with any other request of the activation.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class AlwaysInterleaveAttribute : Attribute;

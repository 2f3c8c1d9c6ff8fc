namespace Actors.Runtime.Tests.Grains;

/// <summary>A grain's persisted state (mutable, as Orleans state classes usually are).</summary>
public sealed class ProfileState
{
    public string Name { get; set; } = string.Empty;

    public int Visits { get; set; }
}

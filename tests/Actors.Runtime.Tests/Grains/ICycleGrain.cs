namespace Actors.Runtime.Tests.Grains;

public interface ICycleGrain : IGrainWithStringKey
{
    /// <summary>Calls the first grain of <paramref name="path"/> with the rest of the path; returns the key of the last grain.</summary>
    Task<string> CallAlongAsync(string[] path);

    /// <summary>Like <see cref="CallAlongAsync"/>, but may interleave, so a cycle through it is not a deadlock.</summary>
    [AlwaysInterleave]
    Task<string> CallAlongInterleavedAsync(string[] path);
}

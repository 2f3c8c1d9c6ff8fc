namespace Actors.Grains.Containers;

/// <summary>A container as listed by the engine.</summary>
/// <param name="Id">Its id.</param>
/// <param name="State">The engine's state word (created, running, exited, ...).</param>
/// <param name="Labels">Its labels.</param>
public sealed record ContainerSummary(string Id, string State, IReadOnlyDictionary<string, string> Labels);

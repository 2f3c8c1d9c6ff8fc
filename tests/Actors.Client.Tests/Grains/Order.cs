namespace Actors.Client.Tests.Grains;

/// <summary>A record with a nested list, to see values cross the gateway intact.</summary>
public sealed record Order(string Id, IReadOnlyList<OrderLine> Lines, decimal Total, string? Note);

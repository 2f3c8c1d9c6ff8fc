namespace Actors.Client.Tests.Grains;

public sealed record OrderLine(string Sku, int Quantity);

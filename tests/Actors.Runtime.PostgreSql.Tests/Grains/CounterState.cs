namespace Actors.Runtime.PostgreSql.Tests.Grains;

public sealed class CounterState
{
    public int Value { get; set; }
}

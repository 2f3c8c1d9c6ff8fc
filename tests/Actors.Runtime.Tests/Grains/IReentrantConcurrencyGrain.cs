namespace Actors.Runtime.Tests.Grains;

/// <summary>The same probe on a [Reentrant] class.</summary>
public interface IReentrantConcurrencyGrain : IConcurrencyGrain;

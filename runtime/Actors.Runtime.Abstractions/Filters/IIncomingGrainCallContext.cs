namespace Actors.Filters;

/// <summary>A call arriving at an activation.</summary>
public interface IIncomingGrainCallContext : IGrainCallContext
{
    /// <summary>The grain instance being called.</summary>
    object Grain { get; }
}

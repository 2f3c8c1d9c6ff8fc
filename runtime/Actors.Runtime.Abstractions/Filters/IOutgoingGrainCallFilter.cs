namespace Actors.Filters;

/// <summary>Runs around every call sent through a grain reference, in registration order.</summary>
public interface IOutgoingGrainCallFilter
{
    /// <summary>Handles one call.</summary>
    Task InvokeAsync(IOutgoingGrainCallContext context);
}

namespace Actors.Filters;

/// <summary>
/// Runs around every call an activation receives, in registration order, then the grain's own filter (when the
/// grain class implements this interface). Call <see cref="IGrainCallContext.InvokeAsync"/> to continue.
/// </summary>
public interface IIncomingGrainCallFilter
{
    /// <summary>Handles one call.</summary>
    Task InvokeAsync(IIncomingGrainCallContext context);
}

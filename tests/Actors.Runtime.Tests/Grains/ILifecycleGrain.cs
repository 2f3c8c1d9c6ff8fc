namespace Actors.Runtime.Tests.Grains;

public interface ILifecycleGrain : IGrainWithStringKey
{
    /// <summary>The activation's id: a new activation gets a new one.</summary>
    Task<Guid> GetActivationIdAsync();

    Task DeactivateOnIdleAsync();

    Task KeepAliveAsync(TimeSpan time);
}

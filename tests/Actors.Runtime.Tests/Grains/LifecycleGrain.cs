using Actors.TestKit;

namespace Actors.Runtime.Tests.Grains;

/// <summary>Signals "activated:{key}" and "deactivated:{key}:{reason}" so tests can watch its lifecycle.</summary>
[CollectionAgeLimit("00:00:00.200")]
public sealed class LifecycleGrain(Probe probe) : Grain, ILifecycleGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.SignalCounted("activated:" + this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await Task.Yield();
        probe.SignalCounted($"deactivated:{this.GetPrimaryKeyString()}:{reason.Code}");
    }

    public Task<Guid> GetActivationIdAsync() => Task.FromResult(_activationId);

    public Task DeactivateOnIdleAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task KeepAliveAsync(TimeSpan time)
    {
        DelayDeactivation(time);
        return Task.CompletedTask;
    }
}

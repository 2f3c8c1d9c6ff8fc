namespace Actors.Runtime.Tests.Grains;

public abstract class WhereGrainBase : Grain, IWhereGrain
{
    private readonly Guid _activationId = Guid.NewGuid();
    private int _calls;

    public Task<ActivationInfo> WhereAsync() => Task.FromResult(new ActivationInfo(RuntimeIdentity, _activationId, ++_calls));

    public Task<ActivationInfo> RelayAsync(IWhereGrain target) => target.WhereAsync();

    public async Task<ActivationInfo> SlowWhereAsync(int milliseconds)
    {
        await Task.Delay(milliseconds);
        return new ActivationInfo(RuntimeIdentity, _activationId, ++_calls);
    }
}

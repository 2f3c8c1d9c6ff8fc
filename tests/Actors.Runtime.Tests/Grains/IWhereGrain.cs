namespace Actors.Runtime.Tests.Grains;

/// <summary>Reports where its activation lives; one class per placement strategy implements it.</summary>
public interface IWhereGrain : IGrainWithStringKey
{
    Task<ActivationInfo> WhereAsync();

    /// <summary>Calls <paramref name="target"/> from this grain (so the call leaves this grain's silo).</summary>
    Task<ActivationInfo> RelayAsync(IWhereGrain target);

    /// <summary>Waits <paramref name="milliseconds"/> and then answers.</summary>
    Task<ActivationInfo> SlowWhereAsync(int milliseconds);
}

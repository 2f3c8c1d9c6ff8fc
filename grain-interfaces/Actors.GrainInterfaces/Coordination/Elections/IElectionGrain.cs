using Actors.GrainInterfaces.Coordination.Sessions;

namespace Actors.GrainInterfaces.Coordination.Elections;

/// <summary>
/// One named election (key = name), etcd's election recipe as a grain: candidates campaign with a session and a value
/// and are elected in the order they came; each new leader gets a term strictly greater than every earlier one (persisted
/// before it is answered, so also across failover and restarts); the leader may resign or proclaim a new value without a
/// new term; when the leader's session ends, the next candidate is elected at once.
/// </summary>
public interface IElectionGrain : ISessionBound, IGrainWithStringKey
{
    /// <summary>Waits up to <paramref name="wait"/> to become leader (zero tries once). Call with a response timeout above the wait.</summary>
    Task<CampaignResult> CampaignAsync(string sessionId, string value, TimeSpan wait);

    /// <summary>Gives up leadership of <paramref name="term"/>, or a candidacy of the session; false when neither is held.</summary>
    Task<bool> ResignAsync(string sessionId, long term);

    /// <summary>The leader of <paramref name="term"/> sets a new value (same term, next version); false when it is not the leader of that term.</summary>
    Task<bool> ProclaimAsync(string sessionId, long term, string value);

    /// <summary>The election as it is (no leader: <see cref="ElectionState.Leader"/> is null).</summary>
    [ReadOnly]
    Task<ElectionState> GetAsync();

    /// <summary>
    /// Waits until the election's version exceeds <paramref name="afterVersion"/> (a new leader, a proclaim, no leader)
    /// or <paramref name="maxWait"/> passes; answers the state then. Interleaves, so observers never hold the election.
    /// </summary>
    [AlwaysInterleave]
    Task<ElectionState> ObserveAsync(long afterVersion, TimeSpan maxWait);
}

using Actors.GrainInterfaces.Coordination.Elections;

namespace Actors.Client.Coordination;

/// <summary>Leadership won in an election: proclaim new values under the same term; disposing resigns.</summary>
public sealed class Leadership : IAsyncDisposable
{
    private readonly IElectionGrain _election;
    private int _resigned;

    internal Leadership(IElectionGrain election, string electionName, LeaderInfo leader)
    {
        _election = election;
        Election = electionName;
        Leader = leader;
    }

    /// <summary>The election's name.</summary>
    public string Election { get; }

    /// <summary>The term won (strictly greater than every earlier term) and the value last proclaimed.</summary>
    public LeaderInfo Leader { get; private set; }

    /// <summary>Sets a new value without a new term; false when this is no longer the leader.</summary>
    public async Task<bool> ProclaimAsync(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!await _election.ProclaimAsync(Leader.SessionId, Leader.Term, value).ConfigureAwait(false))
        {
            return false;
        }

        Leader = Leader with { Value = value };
        return true;
    }

    /// <summary>Gives the leadership up; false when it was already lost.</summary>
    public async Task<bool> ResignAsync() =>
        Interlocked.Exchange(ref _resigned, 1) == 0 && await _election.ResignAsync(Leader.SessionId, Leader.Term).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await ResignAsync().ConfigureAwait(false);
}

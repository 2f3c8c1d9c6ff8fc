using Actors.GrainInterfaces.Coordination.Sessions;

namespace Actors.Grains.Coordination.Sessions;

/// <summary>
/// A resource grain's view of the sessions it holds things for (a lock's holders and waiters, a store's ephemeral keys).
/// It binds the resource to a session before the resource grants anything to it, and <see cref="RefreshAsync"/>
/// binds it again to every tracked session: a session grain that moved (failover) or restarted learns its bindings
/// anew within one refresh, and a session that ended while nobody could tell the resource is found out. Not thread-safe:
/// call it from the owning grain's turns.
/// </summary>
internal sealed class SessionTracker
{
    /// <summary>How often a resource holding something of a session should call <see cref="RefreshAsync"/>.</summary>
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(1);

    private readonly IGrainFactory _grains;
    private readonly SessionBinding _self;
    private readonly HashSet<string> _sessions = new(StringComparer.Ordinal);

    /// <param name="grains">To reach session grains.</param>
    /// <param name="self">The resource, as sessions tell it their end.</param>
    public SessionTracker(IGrainFactory grains, SessionBinding self)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(self);
        _grains = grains;
        _self = self;
    }

    /// <summary>The sessions tracked now.</summary>
    public IReadOnlyCollection<string> Sessions => _sessions;

    /// <summary>True when sessions are tracked (the resource should keep refreshing).</summary>
    public bool Any => _sessions.Count > 0;

    /// <summary>
    /// Binds the resource to <paramref name="sessionId"/> and tracks it; false when the session is unknown or ended
    /// (then nothing may be granted to it). A tracked session answers true without a call: it was alive at the last
    /// refresh, and its end reaches the resource through <see cref="ISessionBound.SessionEndedAsync"/>.
    /// </summary>
    public async Task<bool> AttachAsync(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        if (_sessions.Contains(sessionId))
        {
            return true;
        }

        if (!await _grains.GetGrain<ISessionGrain>(sessionId).AttachAsync(_self))
        {
            return false;
        }

        _sessions.Add(sessionId);
        return true;
    }

    /// <summary>
    /// Stops tracking <paramref name="sessionId"/> (the resource holds nothing of it any more) and tells the session,
    /// without waiting: a lost detach only costs the session one needless end notice later.
    /// </summary>
    public void Forget(string sessionId)
    {
        if (_sessions.Remove(sessionId))
        {
            _ = _grains.GetGrain<ISessionGrain>(sessionId).DetachAsync(_self).ContinueWith(
                static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    /// <summary>The session ended (it told the resource): stop tracking it without telling it back.</summary>
    public void Ended(string sessionId) => _sessions.Remove(sessionId);

    /// <summary>
    /// Binds the resource again to every tracked session, concurrently; returns those that are unknown or ended (no
    /// longer tracked), which the resource must release now. A session that cannot be reached (its silo just died)
    /// stays tracked and is asked again at the next refresh.
    /// </summary>
    public async Task<IReadOnlyList<string>> RefreshAsync()
    {
        if (_sessions.Count == 0)
        {
            return [];
        }

        var sessions = _sessions.ToArray();
        var answers = await Task.WhenAll(sessions.Select(AskAsync));
        var ended = new List<string>();
        for (var i = 0; i < sessions.Length; i++)
        {
            if (answers[i] == false)
            {
                _sessions.Remove(sessions[i]);
                ended.Add(sessions[i]);
            }
        }

        return ended;
    }

    private async Task<bool?> AskAsync(string sessionId)
    {
        try
        {
            return await _grains.GetGrain<ISessionGrain>(sessionId).AttachAsync(_self);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }
}

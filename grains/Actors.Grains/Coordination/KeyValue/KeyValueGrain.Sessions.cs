using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.Grains.Coordination.Sessions;
using Actors.Timers;

namespace Actors.Grains.Coordination.KeyValue;

/// <summary>Ephemeral keys: bound to their sessions through the <see cref="SessionTracker"/>, deleted when a session ends.</summary>
internal sealed partial class KeyValueGrain
{
    /// <summary>The ephemeral keys of each session, in the pending view.</summary>
    private readonly Dictionary<string, HashSet<string>> _sessionKeys = new(StringComparer.Ordinal);

    /// <summary>Sessions of loaded keys not yet bound again (after an activation); checked at each refresh.</summary>
    private readonly HashSet<string> _unverified = new(StringComparer.Ordinal);

    private IGrainTimer? _refresh;

    /// <inheritdoc />
    public async Task SessionEndedAsync(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        _tracker.Ended(sessionId);
        _unverified.Remove(sessionId);
        await DeleteSessionKeysAsync(sessionId);
    }

    /// <summary>Binds to the session before a key is given to it; false when the session is unknown or ended.</summary>
    private async Task<bool> AttachAsync(string sessionId)
    {
        // A concurrent change may forget the session (its last key went) or learn its end while this waits: ask again.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (!await _tracker.AttachAsync(sessionId))
            {
                return false;
            }

            if (_tracker.Sessions.Contains(sessionId))
            {
                _unverified.Remove(sessionId);
                EnsureRefreshing();
                return true;
            }
        }

        return false;
    }

    /// <summary>Deletes every key of the session, each a change of its own that watchers see.</summary>
    private async Task DeleteSessionKeysAsync(string sessionId)
    {
        if (_broken is not null || !_sessionKeys.TryGetValue(sessionId, out var keys))
        {
            return;
        }

        var deletes = new List<Task<KvWriteResult>>();
        foreach (var key in keys.Order(StringComparer.Ordinal).ToList())
        {
            if (_pending.TryGetValue(key, out var current) && current.SessionId == sessionId)
            {
                deletes.Add(ChangeAsync(new KvEvent(_pendingRevision + 1, KvEventType.Delete, key, null), current));
            }
        }

        await Task.WhenAll(deletes);
        LogSessionKeysDeleted(_logger, this.GetPrimaryKeyString(), deletes.Count, sessionId);
    }

    private void AddSessionKey(string sessionId, string key)
    {
        if (!_sessionKeys.TryGetValue(sessionId, out var keys))
        {
            _sessionKeys[sessionId] = keys = new HashSet<string>(StringComparer.Ordinal);
        }

        keys.Add(key);
    }

    private void RemoveSessionKey(string sessionId, string key)
    {
        if (_sessionKeys.TryGetValue(sessionId, out var keys) && keys.Remove(key) && keys.Count == 0)
        {
            _sessionKeys.Remove(sessionId);
            _unverified.Remove(sessionId);
            _tracker.Forget(sessionId);
        }
    }

    /// <summary>Starts the refresh timer while sessions hold keys here.</summary>
    private void EnsureRefreshing()
    {
        if (_refresh is null && (_tracker.Any || _unverified.Count > 0))
        {
            _refresh = RegisterGrainTimer(
                RefreshAsync, new GrainTimerCreationOptions(SessionTracker.RefreshPeriod, SessionTracker.RefreshPeriod) { KeepAlive = true, Interleave = true });
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var ended = new List<string>();
        foreach (var sessionId in _unverified.ToList())
        {
            try
            {
                if (!await _tracker.AttachAsync(sessionId))
                {
                    ended.Add(sessionId);
                }

                _unverified.Remove(sessionId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSessionCheckFailed(_logger, this.GetPrimaryKeyString(), sessionId, ex);
            }
        }

        ended.AddRange(await _tracker.RefreshAsync());
        foreach (var sessionId in ended)
        {
            await DeleteSessionKeysAsync(sessionId);
        }

        if (!_tracker.Any && _unverified.Count == 0 && _refresh is { } refresh)
        {
            _refresh = null;
            refresh.Dispose();
        }
    }
}

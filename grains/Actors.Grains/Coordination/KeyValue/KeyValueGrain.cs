using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.Grains.Coordination.Sessions;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Coordination.KeyValue;

/// <summary>
/// The cluster's key/value store (key "default"), etcd-shaped. Two views of the keys: the pending one (every change
/// handed to the store, committed or not) against which puts and deletes are checked and given the next revision, and
/// the committed one that reads and watches see. A change is checked, numbered and handed to the store in one turn
/// without awaiting (so revisions are handed over in order and concurrent changes share the store's commits); it is
/// applied to the committed view, wakes watchers and is answered once the store has committed it. A failed commit
/// fails every later change too: the activation stops taking changes and deactivates, and the next one reloads.
/// On activation every key and the revision are loaded; history is read from the store lazily, when a watch asks for
/// revisions older than what this activation committed itself (it keeps the recent ones in memory).
/// </summary>
[Reentrant]
internal sealed partial class KeyValueGrain : Grain, IKeyValueGrain
{
    private readonly IKeyValueStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<KeyValueGrain> _logger;
    private readonly Dictionary<string, KvEntry> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KvEntry> _committed = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _ordered = new(StringComparer.Ordinal);
    private readonly Queue<KvEvent> _uncommitted = new();
    private readonly List<KvEvent> _recent = [];
    private readonly int _recentCapacity;
    private SessionTracker _tracker = null!;
    private long _pendingRevision;
    private long _revision;
    private Task _lastCommit = Task.CompletedTask;
    private Exception? _broken;
    private TaskCompletionSource _changed = NewSignal();

    public KeyValueGrain(IKeyValueStore store, TimeProvider time, ILogger<KeyValueGrain> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
        _recentCapacity = (int)Math.Min(store.HistoryRetention, 8192);
    }

    /// <summary>The newest revision whose history is gone: watches must start after it.</summary>
    private long Compacted => Math.Max(0, _revision - _store.HistoryRetention);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tracker = new SessionTracker(GrainFactory, new SessionBinding(SessionBindingKind.KeyValue, this.GetPrimaryKeyString()));
        var state = await _store.LoadAsync(cancellationToken);
        foreach (var entry in state.Entries)
        {
            _pending[entry.Key] = entry;
            _committed[entry.Key] = entry;
            _ordered.Add(entry.Key);
            if (entry.SessionId is { } session)
            {
                AddSessionKey(session, entry.Key);
                _unverified.Add(session);
            }
        }

        _revision = _pendingRevision = state.Revision;
        LogLoaded(_logger, this.GetPrimaryKeyString(), state.Entries.Count, state.Revision, _unverified.Count);
        EnsureRefreshing();
    }

    /// <inheritdoc />
    public async Task<KvWriteResult> PutAsync(KvPut put)
    {
        KvArguments.ValidatePut(put);
        ThrowIfBroken();
        if (put.SessionId is { } session && !await AttachAsync(session))
        {
            return await UnchangedAsync(KvWriteOutcome.SessionUnknown, put.Key);
        }

        ThrowIfBroken();
        _pending.TryGetValue(put.Key, out var current);
        if (put.ExpectedRevision is { } expected && (current?.ModRevision ?? 0) != expected)
        {
            return await UnchangedAsync(KvWriteOutcome.RevisionMismatch, put.Key);
        }

        var revision = _pendingRevision + 1;
        var entry = current is null
            ? new KvEntry(put.Key, put.Value, revision, revision, 1, put.SessionId)
            : new KvEntry(put.Key, put.Value, current.CreateRevision, revision, current.Version + 1, put.SessionId);
        return await ChangeAsync(new KvEvent(revision, KvEventType.Put, put.Key, entry), current);
    }

    /// <inheritdoc />
    public async Task<KvWriteResult> DeleteAsync(string key, long? expectedRevision)
    {
        KvArguments.ValidateKey(key, nameof(key));
        KvArguments.ValidateExpected(expectedRevision, nameof(expectedRevision));
        ThrowIfBroken();
        if (!_pending.TryGetValue(key, out var current))
        {
            return await UnchangedAsync(KvWriteOutcome.NotFound, key);
        }

        if (expectedRevision is { } expected && current.ModRevision != expected)
        {
            return await UnchangedAsync(KvWriteOutcome.RevisionMismatch, key);
        }

        return await ChangeAsync(new KvEvent(_pendingRevision + 1, KvEventType.Delete, key, null), current);
    }

    /// <inheritdoc />
    public Task<KvGetResult> GetAsync(string key)
    {
        KvArguments.ValidateKey(key, nameof(key));
        return Task.FromResult(new KvGetResult(_committed.GetValueOrDefault(key), _revision));
    }

    /// <inheritdoc />
    public Task<KvRangeResult> RangeAsync(string prefix, string? after, int limit)
    {
        KvArguments.ValidatePrefix(prefix, nameof(prefix));
        KvArguments.ValidateRangeLimit(limit);
        var entries = new List<KvEntry>();
        var more = false;
        var lower = after is not null && string.CompareOrdinal(after, prefix) > 0 ? after : prefix;
        if (_ordered.Count > 0 && string.CompareOrdinal(lower, _ordered.Max) <= 0)
        {
            // Keys starting with the prefix are contiguous in ordinal order and not below it.
            foreach (var key in _ordered.GetViewBetween(lower, _ordered.Max!))
            {
                if (!key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    break;
                }

                if (after is not null && string.CompareOrdinal(key, after) <= 0)
                {
                    continue;
                }

                if (entries.Count == limit)
                {
                    more = true;
                    break;
                }

                entries.Add(_committed[key]);
            }
        }

        return Task.FromResult(new KvRangeResult(entries, more, _revision));
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the pending view and hands it to the store in this same turn, then waits for
    /// its commit and applies it (and any earlier ones) to the committed view.
    /// </summary>
    private async Task<KvWriteResult> ChangeAsync(KvEvent change, KvEntry? previous)
    {
        _pendingRevision = change.Revision;
        if (change.Entry is { } entry)
        {
            _pending[change.Key] = entry;
        }
        else
        {
            _pending.Remove(change.Key);
        }

        if (previous?.SessionId is { } previousSession && previousSession != change.Entry?.SessionId)
        {
            RemoveSessionKey(previousSession, change.Key);
        }

        if (change.Entry?.SessionId is { } session)
        {
            AddSessionKey(session, change.Key);
        }

        var commit = _store.AppendAsync(change);
        _lastCommit = commit;
        _uncommitted.Enqueue(change);
        try
        {
            await commit;
        }
        catch (Exception ex)
        {
            Break(ex);
            throw new InvalidOperationException($"The key/value change at revision {change.Revision} was not committed; nothing was written, retry: {ex.Message}", ex);
        }

        ApplyCommittedThrough(change.Revision);
        return new KvWriteResult(KvWriteOutcome.Written, change.Revision, change.Entry);
    }

    /// <summary>An answer that changed nothing, given once everything it was checked against is committed.</summary>
    private async Task<KvWriteResult> UnchangedAsync(KvWriteOutcome outcome, string key)
    {
        try
        {
            await _lastCommit;
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"The key/value store failed to commit a change; retry: {ex.Message}", ex);
        }

        return new KvWriteResult(outcome, _revision, _committed.GetValueOrDefault(key));
    }

    private void ApplyCommittedThrough(long revision)
    {
        var applied = false;
        while (_uncommitted.Count > 0 && _uncommitted.Peek().Revision <= revision)
        {
            var change = _uncommitted.Dequeue();
            if (change.Entry is { } entry)
            {
                _committed[change.Key] = entry;
                _ordered.Add(change.Key);
            }
            else
            {
                _committed.Remove(change.Key);
                _ordered.Remove(change.Key);
            }

            _revision = change.Revision;
            _recent.Add(change);
            applied = true;
        }

        if (!applied)
        {
            return;
        }

        if (_recent.Count > _recentCapacity)
        {
            _recent.RemoveRange(0, _recent.Count - (_recentCapacity / 2));
        }

        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private void Break(Exception ex)
    {
        if (_broken is null)
        {
            _broken = ex;
            LogCommitFailed(_logger, this.GetPrimaryKeyString(), ex);
            DeactivateOnIdle();
        }
    }

    private void ThrowIfBroken()
    {
        if (_broken is { } broken)
        {
            throw new InvalidOperationException($"The key/value store is reloading after a failed commit; retry: {broken.Message}", broken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Actors.GrainInterfaces.Coordination.Elections;
using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.GrainInterfaces.Coordination.Locks;
using Actors.GrainInterfaces.Coordination.Sessions;

namespace Actors.Client.Coordination;

/// <summary>
/// The coordination grains shaped for C#: a session that keeps itself alive, a lock as <see cref="IAsyncDisposable"/>,
/// leadership that resigns when disposed, and observe and watch as <see cref="IAsyncEnumerable{T}"/> that resume by
/// version or revision after a silo or gateway fails. Works on any <see cref="IGrainFactory"/>: a
/// <see cref="ClusterClient"/>, or grain code inside a silo.
/// </summary>
public static class CoordinationGrainFactoryExtensions
{
    // Above every wait: a call that waits for a grant gets this much more time than its wait before it times out.
    private static readonly TimeSpan CallMargin = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan ObserveSlice = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Creates a session with <paramref name="ttl"/> (1 s to 1 h) and keeps it alive until disposed.</summary>
    public static async Task<DistributedSession> CreateSessionAsync(this IGrainFactory grains, TimeSpan ttl, string? owner = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var id = "s-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var info = await grains.GetGrain<ISessionGrain>(id).CreateAsync(ttl, owner).WaitAsync(cancellationToken).ConfigureAwait(false);
        return new DistributedSession(grains, info);
    }

    /// <summary>
    /// Acquires lock <paramref name="name"/> for <paramref name="session"/>, waiting up to <paramref name="wait"/>.
    /// </summary>
    /// <exception cref="CoordinationNotGrantedException">Not granted within the wait, or the session has ended.</exception>
    public static async Task<DistributedLock> AcquireLockAsync(
        this IGrainFactory grains,
        string name,
        DistributedSession session,
        TimeSpan wait,
        LockMode mode = LockMode.Exclusive,
        CancellationToken cancellationToken = default) =>
        await grains.TryAcquireLockAsync(name, session, wait, mode, cancellationToken).ConfigureAwait(false)
        ?? throw new CoordinationNotGrantedException($"Lock '{name}' was not granted to session {session.Id} within {wait}.");

    /// <summary>Like <see cref="AcquireLockAsync"/>, but answers null when the lock is not granted in time.</summary>
    public static async Task<DistributedLock?> TryAcquireLockAsync(
        this IGrainFactory grains,
        string name,
        DistributedSession session,
        TimeSpan wait,
        LockMode mode = LockMode.Exclusive,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(session);
        var grain = grains.GetGrain<ILockGrain>(name);
        var grant = await grain.WithResponseTimeout(wait + CallMargin)
            .AcquireAsync(new LockRequest(session.Id, mode, wait, Owner: null, LockDelay: TimeSpan.Zero))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return Granted(grant, name, session)
            ? new DistributedLock(name, session.Id, grant.Token!.Value, () => grain.ReleaseAsync(session.Id, grant.Token.Value))
            : null;
    }

    /// <summary>Takes one permit of semaphore <paramref name="name"/> with <paramref name="permits"/> permits, waiting up to <paramref name="wait"/>.</summary>
    /// <exception cref="CoordinationNotGrantedException">Not granted within the wait, the session has ended, or the permits disagree.</exception>
    public static async Task<DistributedLock> AcquireSemaphoreAsync(
        this IGrainFactory grains,
        string name,
        int permits,
        DistributedSession session,
        TimeSpan wait,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(session);
        var grain = grains.GetGrain<ISemaphoreGrain>(name);
        var grant = await grain.WithResponseTimeout(wait + CallMargin)
            .AcquireAsync(new SemaphoreRequest(session.Id, permits, wait, Owner: null))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return Granted(grant, name, session)
            ? new DistributedLock(name, session.Id, grant.Token!.Value, () => grain.ReleaseAsync(session.Id, grant.Token.Value))
            : throw new CoordinationNotGrantedException($"Semaphore '{name}' gave no permit to session {session.Id} within {wait}: {grant.Detail ?? grant.Outcome.ToString()}.");
    }

    /// <summary>Campaigns in election <paramref name="name"/> with <paramref name="value"/> until elected or <paramref name="wait"/> passes.</summary>
    /// <exception cref="CoordinationNotGrantedException">Not elected within the wait, or the session has ended.</exception>
    public static async Task<Leadership> CampaignAsync(
        this IGrainFactory grains,
        string name,
        DistributedSession session,
        string value,
        TimeSpan wait,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(session);
        var election = grains.GetGrain<IElectionGrain>(name);
        var result = await election.WithResponseTimeout(wait + CallMargin).CampaignAsync(session.Id, value, wait)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return result is { Outcome: CampaignOutcome.Elected, Leader: { } leader }
            ? new Leadership(election, name, leader)
            : throw new CoordinationNotGrantedException($"Session {session.Id} was not elected in '{name}' within {wait}: {result.Detail ?? result.Outcome.ToString()}.");
    }

    /// <summary>
    /// The election's state now and after every change (new leader, proclaim, no leader), until cancelled. Resumes
    /// after failures (a silo or gateway dying) from the last version seen, so no change is reported twice.
    /// </summary>
    public static async IAsyncEnumerable<ElectionState> ObserveAsync(this IGrainFactory grains, string name, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var election = grains.GetGrain<IElectionGrain>(name);
        var seen = -1L;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            ElectionState state;
            try
            {
                state = await election.WithResponseTimeout(ObserveSlice + CallMargin).ObserveAsync(seen, ObserveSlice)
                    .WaitAsync(cancellationToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken))
            {
                await Task.Delay(RetryDelay(++failures), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (state.Version > seen)
            {
                seen = state.Version;
                yield return state;
            }
        }
    }

    /// <summary>
    /// Every change of <paramref name="key"/> (or of every key starting with it, when <paramref name="prefix"/>) with a
    /// revision from <paramref name="fromRevision"/> on, in revision order, each exactly once, until cancelled. Resumes
    /// after failures from the revision after the last one delivered.
    /// </summary>
    /// <exception cref="KvCompactedException">The store no longer has the history from the revision asked for.</exception>
    public static async IAsyncEnumerable<KvEvent> WatchAsync(
        this IGrainFactory grains,
        string key,
        bool prefix,
        long fromRevision,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var store = grains.GetGrain<IKeyValueGrain>(IKeyValueGrain.DefaultName);
        var next = fromRevision;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            KvWatchBatch batch;
            try
            {
                batch = await store.WithResponseTimeout(ObserveSlice + CallMargin)
                    .WatchAsync(new KvWatchRequest(key, prefix, next, ObserveSlice, KvLimits.MaxWatchEvents))
                    .WaitAsync(cancellationToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken))
            {
                await Task.Delay(RetryDelay(++failures), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (batch.CompactedRevision is { } compacted)
            {
                throw new KvCompactedException($"Revision {next} of the key/value store is compacted; the oldest revision to watch from is {compacted + 1}.")
                {
                    CompactedRevision = compacted,
                };
            }

            foreach (var change in batch.Events)
            {
                yield return change;
            }

            next = Math.Max(next, batch.NextRevision);
        }
    }

    private static bool Granted(LockGrant grant, string name, DistributedSession session) =>
        grant.Outcome switch
        {
            LockOutcome.Granted => grant.Token is not null ? true : throw new InvalidOperationException($"Lock '{name}' was granted without a token."),
            LockOutcome.TimedOut => false,
            _ => throw new CoordinationNotGrantedException($"'{name}' refused session {session.Id}: {grant.Detail ?? grant.Outcome.ToString()}."),
        };

    // A failure the next call may not meet: the silo or gateway died, the call timed out. Argument errors and the
    // caller's own cancellation are not retried.
    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && exception is not (ArgumentException or KvCompactedException or InvalidOperationException);

    private static TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxRetryDelay.TotalMilliseconds, 50 * Math.Pow(2, Math.Min(failures, 10))));
}

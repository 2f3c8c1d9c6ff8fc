using System.Collections.Concurrent;
using Actors.Runtime.Hosting;
using Actors.Runtime.Membership;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Directory;

/// <summary>
/// This silo's access to the grain directory: a cache of where grains live (so a call to a known grain costs no
/// directory read), registration of new activations (the single-activation arbiter) and the purge of dead silos'
/// entries. The cache is corrected when a silo dies and when a forwarded call reports a stale entry.
/// </summary>
internal sealed partial class GrainLocator(
    IGrainDirectory directory,
    IClusterMembershipService membership,
    ILocalSiloDetails local,
    ILogger<GrainLocator> logger) : IMembershipListener
{
    // A plain bound instead of an LRU: when full the cache starts over, and lookups refill what is in use.
    private const int MaxCachedEntries = 200_000;
    private const int MaxRegistrationAttempts = 100;
    private static readonly TimeSpan HandBackPollPeriod = TimeSpan.FromMilliseconds(100);

    private readonly IGrainDirectory _directory = directory;
    private readonly IClusterMembershipService _membership = membership;
    private readonly SiloAddress _local = local.SiloAddress;
    private readonly ILogger<GrainLocator> _logger = logger;
    private readonly ConcurrentDictionary<GrainId, GrainAddress> _cache = new();

    public int CachedCount => _cache.Count;

    public bool TryGetCached(GrainId grainId, out GrainAddress address) => _cache.TryGetValue(grainId, out address!);

    public void Cache(GrainAddress address)
    {
        if (_cache.Count >= MaxCachedEntries)
        {
            _cache.Clear();
        }

        _cache[address.GrainId] = address;
    }

    /// <summary>Drops <paramref name="address"/> from the cache if it is still the cached entry of its grain.</summary>
    public void Invalidate(GrainAddress address) => _cache.TryRemove(new KeyValuePair<GrainId, GrainAddress>(address.GrainId, address));

    /// <summary>Drops the cached entry of the grain if it names <paramref name="silo"/> (a stale entry reported by that silo).</summary>
    public void InvalidateIfAt(GrainId grainId, SiloAddress silo)
    {
        if (_cache.TryGetValue(grainId, out var cached) && cached.Silo.Equals(silo))
        {
            Invalidate(cached);
        }
    }

    /// <summary>Where the grain's activation lives, or null when it has none on a live silo (the entry is cached).</summary>
    public async ValueTask<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        var entry = await _directory.LookupAsync(grainId, cancellationToken).ConfigureAwait(false);
        if (entry is null || !_membership.CurrentView.IsAliveOrUnknown(entry.Silo))
        {
            return null;
        }

        if (!entry.Silo.Equals(_local))
        {
            Cache(entry);
        }

        return entry;
    }

    /// <summary>
    /// Registers a new activation; returns the activation that holds the grain afterwards (the argument when it won).
    /// Entries of dead silos, and of earlier activations of this silo (only one lives here at a time), are replaced.
    /// </summary>
    public async Task<GrainAddress> RegisterAsync(GrainAddress address, CancellationToken cancellationToken)
    {
        GrainAddress? previous = null;
        for (var attempt = 0; attempt < MaxRegistrationAttempts; attempt++)
        {
            var winner = await _directory.RegisterAsync(address, previous, cancellationToken).ConfigureAwait(false);
            if (winner.Equals(address))
            {
                return winner;
            }

            if (winner.Silo.Equals(_local) || !_membership.CurrentView.IsAliveOrUnknown(winner.Silo))
            {
                previous = winner;
                continue;
            }

            // A stopping silo is handing its grains back: its entry goes once that activation has deactivated.
            // Waiting for that (the requests stay queued here) keeps one activation and avoids forwarding the
            // requests back to a silo that would only forward them here again.
            if (_membership.CurrentView.GetStatus(winner.Silo) == SiloStatus.ShuttingDown && attempt < MaxRegistrationAttempts - 1)
            {
                await Task.Delay(HandBackPollPeriod, cancellationToken).ConfigureAwait(false);
                continue;
            }

            Cache(winner);
            return winner;
        }

        throw new InvalidOperationException(
            $"Could not register {address} in the grain directory after {MaxRegistrationAttempts} attempts: its entry kept changing.");
    }

    public async Task UnregisterAsync(GrainAddress address, CancellationToken cancellationToken)
    {
        Invalidate(address);
        await _directory.UnregisterAsync(address, cancellationToken).ConfigureAwait(false);
    }

    public void OnMembershipChanged(MembershipView previous, MembershipView current)
    {
        var dead = current.Entries.Where(e => !e.IsAlive && previous.Find(e.Silo)?.IsAlive != false).Select(e => e.Silo).ToList();
        if (dead.Count == 0)
        {
            return;
        }

        foreach (var entry in _cache.Values)
        {
            if (!current.IsAliveOrUnknown(entry.Silo))
            {
                Invalidate(entry);
            }
        }

        // One silo purges each dead silo's entries (the owner of its ring position); registrations replace any
        // entry of a dead silo anyway, so the purge only keeps the directory small.
        var mine = dead.Where(silo => current.Ring.Owns(_local, silo.UniformHash)).ToList();
        if (mine.Count > 0)
        {
            _ = PurgeAsync(mine);
        }
    }

    private async Task PurgeAsync(IReadOnlyCollection<SiloAddress> silos)
    {
        try
        {
            var removed = await _directory.UnregisterSilosAsync(silos, CancellationToken.None).ConfigureAwait(false);
            Log.Purged(_logger, removed, string.Join(", ", silos));
        }
        catch (Exception ex)
        {
            Log.PurgeFailed(_logger, string.Join(", ", silos), ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Diagnostics.RuntimeEventIds.DirectoryPurged, LogLevel.Information, "Removed {Count} directory entries of dead silos {Silos}")]
        public static partial void Purged(ILogger logger, int count, string silos);

        [LoggerMessage(Diagnostics.RuntimeEventIds.DirectoryPurgeFailed, LogLevel.Warning, "Could not remove the directory entries of dead silos {Silos}; registrations will replace them")]
        public static partial void PurgeFailed(ILogger logger, string silos, Exception exception);
    }
}

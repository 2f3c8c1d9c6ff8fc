using System.Collections.Concurrent;

namespace Actors.Runtime.Directory;

/// <summary>
/// The grain directory in process memory (the embedded default, one cluster per instance): lost at exit. The silos
/// of an in-process test cluster share one instance the way they would share a database table. Every change is a
/// compare-and-swap on one grain's entry, so concurrent registrations of a grain have exactly one winner and every
/// caller learns the same one. Same semantics as the PostgreSQL directory.
/// </summary>
public sealed class InMemoryGrainDirectory : IGrainDirectory
{
    private readonly ConcurrentDictionary<GrainId, GrainAddress> _entries = new();

    /// <inheritdoc />
    public Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? previousAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        Check(address.GrainId, nameof(address));
        if (previousAddress is not null && previousAddress.GrainId != address.GrainId)
        {
            throw new ArgumentException($"The previous address {previousAddress} is of another grain than {address}.", nameof(previousAddress));
        }

        // Each attempt either changes the entry atomically or observes an entry that stood at that moment; an
        // attempt fails only because another caller changed the entry in between, so the loop ends.
        while (true)
        {
            if (_entries.TryAdd(address.GrainId, address))
            {
                return Task.FromResult(address);
            }

            if (!_entries.TryGetValue(address.GrainId, out var existing))
            {
                continue;
            }

            if (previousAddress is null || existing != previousAddress)
            {
                return Task.FromResult(existing);
            }

            if (_entries.TryUpdate(address.GrainId, address, existing))
            {
                return Task.FromResult(address);
            }
        }
    }

    /// <inheritdoc />
    public Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        Check(grainId, nameof(grainId));
        return Task.FromResult(_entries.TryGetValue(grainId, out var address) ? address : null);
    }

    /// <inheritdoc />
    public Task<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        Check(address.GrainId, nameof(address));

        // Removes the pair only if the value still equals address (grain, silo and activation id).
        return Task.FromResult(_entries.TryRemove(KeyValuePair.Create(address.GrainId, address)));
    }

    /// <inheritdoc />
    public Task<int> UnregisterSilosAsync(IReadOnlyCollection<SiloAddress> silos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silos);
        var dead = silos.ToHashSet();
        var removed = 0;
        foreach (var entry in _entries)
        {
            // Removing the pair seen, not the key: an activation registered meanwhile on a live silo stays.
            if (dead.Contains(entry.Value.Silo) && _entries.TryRemove(entry))
            {
                removed++;
            }
        }

        return Task.FromResult(removed);
    }

    private static void Check(GrainId grainId, string parameterName)
    {
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The default GrainId names no grain.", parameterName);
        }
    }
}

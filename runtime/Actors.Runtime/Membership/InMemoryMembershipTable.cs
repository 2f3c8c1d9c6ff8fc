using System.Globalization;

namespace Actors.Runtime.Membership;

/// <summary>
/// The membership table in process memory (the embedded default, one cluster per instance): lost at exit. The silos
/// of an in-process test cluster share one instance the way they would share a database table, so every operation
/// is atomic under one lock and rows are copied in and out (a caller mutating its lists changes nothing stored).
/// Same semantics as the PostgreSQL table.
/// </summary>
/// <remarks>
/// A row's ETag is the table version its last insert or update produced: unique within the table and never reused.
/// Heartbeats change neither the ETag nor the version, so they never make a concurrent compare-and-set fail.
/// </remarks>
public sealed class InMemoryMembershipTable : IMembershipTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, Stored> _rows = [];
    private long _version;

    /// <inheritdoc />
    /// <remarks>Nothing to create: a fresh table is at version 0 with no rows.</remarks>
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            MembershipRow[] rows = [.. _rows.Values.OrderBy(r => r.Entry.Silo).Select(r => new MembershipRow(Copy(r.Entry), FormatEtag(r.Etag)))];
            return Task.FromResult(new MembershipTableSnapshot(_version, rows));
        }
    }

    /// <inheritdoc />
    public Task<bool> InsertRowAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (_version != expectedVersion || _rows.ContainsKey(entry.Silo))
            {
                return Task.FromResult(false);
            }

            _version++;
            _rows.Add(entry.Silo, new Stored(Copy(entry), _version));
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(etag);
        lock (_lock)
        {
            if (_version != expectedVersion || !_rows.TryGetValue(entry.Silo, out var stored) || FormatEtag(stored.Etag) != etag)
            {
                return Task.FromResult(false);
            }

            _version++;
            _rows[entry.Silo] = new Stored(Copy(entry), _version);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    /// <remarks>A silo without a row is ignored (it was cleaned up, or never joined): a heartbeat creates nothing.</remarks>
    public Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset iAmAliveTime, int activationCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        lock (_lock)
        {
            if (_rows.TryGetValue(silo, out var stored))
            {
                _rows[silo] = stored with { Entry = stored.Entry with { IAmAliveTime = iAmAliveTime, ActivationCount = activationCount } };
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>A cleanup that deletes rows increments the version once, as any other change of the row set does.</remarks>
    public Task<int> CleanupDefunctEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var defunct = _rows.Values
                .Where(r => r.Entry.Status == SiloStatus.Dead && r.Entry.IAmAliveTime < before)
                .Select(r => r.Entry.Silo)
                .ToList();
            foreach (var silo in defunct)
            {
                _rows.Remove(silo);
            }

            if (defunct.Count > 0)
            {
                _version++;
            }

            return Task.FromResult(defunct.Count);
        }
    }

    // Fresh lists: the caller's lists may be mutable, and readers must not share them with the table or each other.
    private static MembershipEntry Copy(MembershipEntry entry) =>
        entry with { Suspicions = [.. entry.Suspicions], GrainTypes = [.. entry.GrainTypes] };

    private static string FormatEtag(long etag) => etag.ToString(CultureInfo.InvariantCulture);

    private sealed record Stored(MembershipEntry Entry, long Etag);
}

namespace Actors.Runtime.Membership;

/// <summary>
/// The membership table of one cluster. Changes are compare-and-set on the table version: a writer reads a
/// snapshot, decides, and writes with the version it read; if anyone changed the table since, the write is
/// refused (returns false) and the writer reads again. So two silos never both succeed with decisions taken on
/// the same view (for example two declarations of death, or a join racing a death).
/// </summary>
public interface IMembershipTable
{
    /// <summary>Creates the cluster's version row if it does not exist (idempotent; safe when silos start together).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>All rows and the table version.</summary>
    Task<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Adds a row if the table is still at <paramref name="expectedVersion"/> and the silo has no row; the version increments.</summary>
    Task<bool> InsertRowAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Replaces a row if the table is still at <paramref name="expectedVersion"/> and the row at <paramref name="etag"/>; the version increments.</summary>
    Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Records a heartbeat (and the silo's activation count) without a version change or conditions.</summary>
    Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset iAmAliveTime, int activationCount, CancellationToken cancellationToken);

    /// <summary>Deletes rows of dead silos whose last heartbeat is older than <paramref name="before"/>.</summary>
    Task<int> CleanupDefunctEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

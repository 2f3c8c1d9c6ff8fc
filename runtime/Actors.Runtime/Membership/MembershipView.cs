namespace Actors.Runtime.Membership;

/// <summary>
/// This silo's view of the cluster at one membership table version: immutable, so readers need no locks, and
/// replaced as a whole when the table changes. Silos that read the same version hold the same view.
/// </summary>
public sealed class MembershipView
{
    private readonly Dictionary<SiloAddress, MembershipEntry> _entries;

    public MembershipView(long version, IEnumerable<MembershipEntry> entries)
    {
        Version = version;
        _entries = entries.ToDictionary(e => e.Silo);
        ActiveSilos = [.. _entries.Values.Where(e => e.Status == SiloStatus.Active).Select(e => e.Silo).Order()];
        Ring = new ConsistentRing(ActiveSilos);
    }

    /// <summary>An empty view (before the first read).</summary>
    public static MembershipView Empty { get; } = new(-1, []);

    /// <summary>The membership table version this view was read at.</summary>
    public long Version { get; }

    /// <summary>Every known silo.</summary>
    public IReadOnlyCollection<MembershipEntry> Entries => _entries.Values;

    /// <summary>The active silos, in address order.</summary>
    public IReadOnlyList<SiloAddress> ActiveSilos { get; }

    /// <summary>The hash ring of the active silos (hash placement, reminder ranges).</summary>
    public ConsistentRing Ring { get; }

    /// <summary>The silo's entry, or null when it has none.</summary>
    public MembershipEntry? Find(SiloAddress silo) => _entries.GetValueOrDefault(silo);

    /// <summary>The silo's status; <see cref="SiloStatus.None"/> when the table does not know it.</summary>
    public SiloStatus GetStatus(SiloAddress silo) => _entries.TryGetValue(silo, out var entry) ? entry.Status : SiloStatus.None;

    /// <summary>
    /// True unless the silo is known to be dead (or known to be superseded by a newer generation on its endpoint).
    /// A silo not (yet) in the view counts as alive: it may be joining, and declaring death is the table's job.
    /// </summary>
    public bool IsAliveOrUnknown(SiloAddress silo) =>
        _entries.TryGetValue(silo, out var entry) ? entry.IsAlive : !_entries.Keys.Any(other => other.IsSuccessorOf(silo));

    /// <summary>The active silo of a node, or null when that node has none.</summary>
    public MembershipEntry? FindActiveByNode(string nodeName) =>
        _entries.Values.FirstOrDefault(e => e.Status == SiloStatus.Active && string.Equals(e.NodeName, nodeName, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() => $"v{Version}: {string.Join(", ", _entries.Values.OrderBy(e => e.Silo))}";
}

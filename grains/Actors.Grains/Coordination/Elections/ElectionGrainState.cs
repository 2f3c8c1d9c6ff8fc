using Actors.GrainInterfaces.Coordination.Elections;

namespace Actors.Grains.Coordination.Elections;

/// <summary>An election's durable state: the last term, the leader and the version observers follow.</summary>
internal sealed class ElectionGrainState
{
    /// <summary>The highest term given so far (0 = never).</summary>
    public long LastTerm { get; set; }

    /// <summary>The leader, or null.</summary>
    public LeaderInfo? Leader { get; set; }

    /// <summary>Grows with every change observers see.</summary>
    public long Version { get; set; }
}

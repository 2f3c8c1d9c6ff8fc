using System.ComponentModel.DataAnnotations;

namespace Actors.Runtime.Membership;

/// <summary>
/// How silos watch each other (configuration section <c>Actors:Membership</c>). The defaults declare a killed
/// silo dead within about 5 s (Orleans' defaults take over 15 s: 5 s probes × 3 misses, plus votes).
/// </summary>
public sealed class ClusterMembershipOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Actors:Membership";

    /// <summary>How often each silo probes the silos it watches. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ProbePeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a probe may take before it counts as missed. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes in a row before a silo is suspected (after an indirect probe also fails). Default 3.</summary>
    [Range(1, 100)]
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>How many other silos each silo watches (its successors on the ring). Default 3.</summary>
    [Range(1, 100)]
    public int ProbedSilos { get; set; } = 3;

    /// <summary>Fresh votes that declare a silo dead (fewer when fewer silos could vote). Default 2.</summary>
    [Range(1, 100)]
    public int VotesForDeathDeclaration { get; set; } = 2;

    /// <summary>How long a suspicion vote counts. Default 2 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan VoteExpiration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a silo writes its heartbeat (I-am-alive time and activation count). Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan IAmAlivePeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A silo whose heartbeat is older than this is declared dead by whoever notices, probes or not: the
    /// durable evidence that catches silos nobody probes. Default 10 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan StaleIAmAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each silo re-reads the membership table. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan TableRefreshPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a joining silo may take to reach the active silos before it gives up. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan JoinTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Rows of silos dead for longer than this are deleted. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan DefunctSiloExpiration { get; set; } = TimeSpan.FromHours(1);
}

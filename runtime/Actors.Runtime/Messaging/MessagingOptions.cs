using System.ComponentModel.DataAnnotations;

namespace Actors.Runtime.Messaging;

/// <summary>Grain call settings (configuration section <c>Actors:Messaging</c>).</summary>
public sealed class MessagingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Actors:Messaging";

    /// <summary>The deadline of a grain call unless its method or reference sets another. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often pending calls are checked against their deadlines; a call times out at most this late. Default 100 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan TimeoutCheckPeriod { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Requests one activation may hold waiting before further ones are refused with
    /// <see cref="GrainOverloadedException"/>: a bound instead of unbounded memory. Default 10,000.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxEnqueuedRequests { get; set; } = 10_000;

    /// <summary>
    /// Messages one connection to another silo may hold waiting to be written; senders wait when it is full
    /// (back-pressure instead of unbounded memory). Default 10,000.
    /// </summary>
    [Range(16, 1_000_000)]
    public int SendQueueCapacity { get; set; } = 10_000;
}

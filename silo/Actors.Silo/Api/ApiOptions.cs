using System.ComponentModel.DataAnnotations;

namespace Actors.Silo.Api;

/// <summary>Settings of the jobs REST API (configuration section <c>Actors:Api</c>).</summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Actors:Api";

    /// <summary>
    /// The largest request body <c>POST /v1/jobs</c> and <c>POST /v1/run</c> accept, in bytes; larger bodies get a 413
    /// problem. The body is held in memory while the job is submitted. Default 16 MiB; at most 1 GiB.
    /// </summary>
    [Range(1024L, 1L << 30)]
    public long MaxRequestBodyBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>The longest <c>?wait=</c> a submission may ask for, and the longest <c>POST /v1/run</c> waits. Default 300 s.</summary>
    [Range(1, 3600)]
    public int MaxWaitSeconds { get; set; } = 300;

    /// <summary>How long <c>POST /v1/run</c> waits beyond the job's own timeout (queueing, start, output). Default 30 s.</summary>
    [Range(0, 3600)]
    public int RunGraceSeconds { get; set; } = 30;

    /// <summary>How often an event stream without news sends a <c>: keep-alive</c> comment. Default 15 s.</summary>
    [Range(1, 300)]
    public int KeepAliveSeconds { get; set; } = 15;
}

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>Headers that describe a job's output.</summary>
internal static class JobOutputHeaders
{
    /// <summary>The container's exit code.</summary>
    public const string ExitCode = "X-Exit-Code";

    /// <summary>"true" when the output was cut at the node's cap.</summary>
    public const string Truncated = "X-Output-Truncated";
}

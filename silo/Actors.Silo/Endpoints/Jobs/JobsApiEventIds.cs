namespace Actors.Silo.Endpoints.Jobs;

/// <summary>Stable log event ids of the jobs API (range 5200-5299 of the silo's 5000-5999).</summary>
internal static class JobsApiEventIds
{
    public const int JobSubmitted = 5200;
    public const int LargeInputStored = 5201;
    public const int SubmissionRefused = 5202;
    public const int EventStreamFailed = 5210;
    public const int NodeOffline = 5220;
}

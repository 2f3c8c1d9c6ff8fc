namespace Actors.Grains.Jobs;

/// <summary>Stable event ids of the job grains' logs (7200-7299; the Docker adapter has 7000s, the job store 7100s).</summary>
internal static class JobEventIds
{
    public const int SchedulerRebuilt = 7200;
    public const int NodeJoined = 7201;
    public const int AssignFailed = 7202;
    public const int AttemptLost = 7203;
    public const int ReportLostFailed = 7204;

    public const int JobAccepted = 7220;
    public const int JobFinished = 7221;
    public const int JobRetry = 7222;
    public const int JobCancelled = 7223;
    public const int StaleReport = 7224;
    public const int SchedulerCallFailed = 7225;

    public const int NodeActivated = 7240;
    public const int EngineUnavailable = 7241;
    public const int OrphansRemoved = 7242;
    public const int AttemptStarting = 7243;
    public const int AttemptEnded = 7244;
    public const int ReportFailed = 7245;
    public const int CompletionFailed = 7246;
    public const int NodeReady = 7247;
    public const int NodeWithoutEngine = 7248;
    public const int NodeActivationRetry = 7249;
}

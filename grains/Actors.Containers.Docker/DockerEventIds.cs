namespace Actors.Containers.Docker;

/// <summary>Stable log event ids of the Docker adapter (range 7000-7099), so its logs can be filtered and alerted on by id.</summary>
internal static class DockerEventIds
{
    public const int ImagePulling = 7000;
    public const int ImagePulled = 7001;
    public const int ContainerCreated = 7002;
    public const int ContainerStarted = 7003;
    public const int ContainerFinished = 7004;
    public const int ContainerTimedOut = 7005;
    public const int ContainerCancelled = 7006;
    public const int ContainerOutOfMemory = 7007;
    public const int StdinNotConsumed = 7008;
    public const int OutputDrainTimedOut = 7009;
    public const int KillFailed = 7010;
    public const int RemoveFailed = 7011;
    public const int StdoutTruncated = 7012;
    public const int RemoveRetrying = 7013;
    public const int RemovalsUnfinished = 7014;
    public const int ImageAbsentAtCreate = 7015;
}

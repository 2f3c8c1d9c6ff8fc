namespace Actors.GrainInterfaces.Jobs;

/// <summary>Bounds every job shares, on both sides of the API.</summary>
public static class JobLimits
{
    /// <summary>Inputs up to this size travel inside the <see cref="JobSpec"/>; larger ones go to the input blob.</summary>
    public const int InlineInputBytes = 64 * 1024;

    /// <summary>The default wall-clock timeout of one attempt.</summary>
    public const int DefaultTimeoutSeconds = 300;

    /// <summary>The largest wall-clock timeout a job may ask for (24 h).</summary>
    public const int MaxTimeoutSeconds = 86_400;

    /// <summary>The most retries a job may ask for.</summary>
    public const int MaxRetries = 10;

    /// <summary>The retries a job gets when it does not say.</summary>
    public const int DefaultRetries = 3;

    /// <summary>The bytes of stderr kept: the last 64 KiB.</summary>
    public const int StderrTailBytes = 64 * 1024;
}

namespace Actors.Benchmarks.Measurement;

/// <summary>The machine's load, printed beside every figure (this is a shared VM).</summary>
internal static class SystemLoad
{
    /// <summary>The 1-minute load average from /proc/loadavg, or "unknown" off Linux.</summary>
    public static string OneMinuteAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}

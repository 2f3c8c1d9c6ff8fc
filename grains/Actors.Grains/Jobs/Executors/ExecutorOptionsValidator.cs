using Microsoft.Extensions.Options;

namespace Actors.Grains.Jobs.Executors;

/// <summary>Checks <see cref="ExecutorOptions"/> at start, naming each bad setting.</summary>
internal sealed class ExecutorOptionsValidator : IValidateOptions<ExecutorOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ExecutorOptions options)
    {
        const string Section = ExecutorOptions.SectionName;
        var failures = new List<string>();
        if (options.Cpus is <= 0 or > 4096)
        {
            failures.Add($"{Section}:Cpus must be above 0 and at most 4096 (was {options.Cpus}).");
        }

        if (options.MemoryMb is < 4 or > 64 * 1024 * 1024)
        {
            failures.Add($"{Section}:MemoryMb must be between 4 and 67108864 (was {options.MemoryMb}).");
        }

        if (options.Slots is < 1 or > 10_000)
        {
            failures.Add($"{Section}:Slots must be between 1 and 10000 (was {options.Slots}).");
        }

        if (options.MaxJobCpus is { } cpus && (cpus <= 0 || cpus > options.Cpus))
        {
            failures.Add($"{Section}:MaxJobCpus must be above 0 and at most Cpus ({options.Cpus}).");
        }

        if (options.MaxJobMemoryMb is { } memory && (memory < 4 || memory > options.MemoryMb))
        {
            failures.Add($"{Section}:MaxJobMemoryMb must be between 4 and MemoryMb ({options.MemoryMb}).");
        }

        if (options.PidsLimit is < 8 or > 1_000_000)
        {
            failures.Add($"{Section}:PidsLimit must be between 8 and 1000000 (was {options.PidsLimit}).");
        }

        if (options.TmpfsMb is < 1 or > 64 * 1024)
        {
            failures.Add($"{Section}:TmpfsMb must be between 1 and 65536 (was {options.TmpfsMb}).");
        }

        if (options.StdoutCapBytes is < 1024 or > 1024L * 1024 * 1024)
        {
            failures.Add($"{Section}:StdoutCapBytes must be between 1024 and 1073741824 (was {options.StdoutCapBytes}).");
        }

        if (options.ReportPeriod < TimeSpan.FromMilliseconds(100) || options.ReportPeriod > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Section}:ReportPeriod must be between 100 ms and 1 min.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

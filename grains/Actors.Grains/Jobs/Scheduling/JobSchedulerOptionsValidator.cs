using Microsoft.Extensions.Options;

namespace Actors.Grains.Jobs.Scheduling;

/// <summary>Checks <see cref="JobSchedulerOptions"/> at start, naming each bad setting.</summary>
internal sealed class JobSchedulerOptionsValidator : IValidateOptions<JobSchedulerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, JobSchedulerOptions options)
    {
        var failures = new List<string>();
        if (options.QueueCapacity is < 1 or > 10_000_000)
        {
            failures.Add($"{JobSchedulerOptions.SectionName}:QueueCapacity must be between 1 and 10000000 (was {options.QueueCapacity}).");
        }

        if (options.SubmitterQueueShare is <= 0 or > 1)
        {
            failures.Add($"{JobSchedulerOptions.SectionName}:SubmitterQueueShare must be above 0 and at most 1 (was {options.SubmitterQueueShare}).");
        }

        if (options.NodeReportTimeout < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{JobSchedulerOptions.SectionName}:NodeReportTimeout must be at least 1 s.");
        }

        if (options.SweepPeriod < TimeSpan.FromMilliseconds(50) || options.SweepPeriod > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{JobSchedulerOptions.SectionName}:SweepPeriod must be between 50 ms and 1 min.");
        }

        if (options.RetryBackoff < TimeSpan.Zero || options.MaxRetryBackoff < options.RetryBackoff)
        {
            failures.Add($"{JobSchedulerOptions.SectionName}:RetryBackoff must be non-negative and at most MaxRetryBackoff.");
        }

        if (options.DefaultCpus is <= 0 or > 64)
        {
            failures.Add($"{JobSchedulerOptions.SectionName}:DefaultCpus must be above 0 and at most 64.");
        }

        if (options.DefaultMemoryMb is < 4 or > 1_048_576)
        {
            failures.Add($"{JobSchedulerOptions.SectionName}:DefaultMemoryMb must be between 4 and 1048576.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

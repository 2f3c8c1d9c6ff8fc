using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Actors.Containers.Docker;

/// <summary>Rejects Docker options the adapter cannot work with, saying which setting is wrong and why.</summary>
internal sealed partial class DockerOptionsValidator : IValidateOptions<DockerOptions>
{
    public ValidateOptionsResult Validate(string? name, DockerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!DockerEndpoint.TryParse(options.Endpoint, out _, out var endpointError))
        {
            failures.Add($"DockerOptions.Endpoint: {endpointError}");
        }

        if (string.IsNullOrWhiteSpace(options.ApiVersion) || !ApiVersionPattern().IsMatch(options.ApiVersion))
        {
            failures.Add($"DockerOptions.ApiVersion '{options.ApiVersion}' is not an API version such as '{DockerOptions.DefaultApiVersion}'.");
        }

        if (options.Registry is not null && !RegistryPattern().IsMatch(options.Registry))
        {
            failures.Add($"DockerOptions.Registry '{options.Registry}' is not a registry host or host:port (for example '127.0.0.1:5000'); leave it null to never pull.");
        }

        CheckPositive(failures, nameof(DockerOptions.RequestTimeout), options.RequestTimeout);
        CheckPositive(failures, nameof(DockerOptions.ConnectTimeout), options.ConnectTimeout);
        CheckPositive(failures, nameof(DockerOptions.PullTimeout), options.PullTimeout);
        CheckPositive(failures, nameof(DockerOptions.KillTimeout), options.KillTimeout);
        CheckPositive(failures, nameof(DockerOptions.OutputDrainTimeout), options.OutputDrainTimeout);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPositive(List<string> failures, string setting, TimeSpan value)
    {
        // The upper bound is what a CancellationTokenSource accepts as a delay.
        if (value <= TimeSpan.Zero || value.TotalMilliseconds > uint.MaxValue - 1)
        {
            failures.Add($"DockerOptions.{setting} must be positive and at most 49 days; it is {value}.");
        }
    }

    [GeneratedRegex(@"^[0-9]+\.[0-9]+\z")]
    private static partial Regex ApiVersionPattern();

    // A host name or IPv4 address with an optional port, as in an image reference's domain component.
    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?\z")]
    private static partial Regex RegistryPattern();
}

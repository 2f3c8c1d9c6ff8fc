using Actors.Containers.Docker.Engine;
using Actors.Grains.Containers;

namespace Actors.Containers.Docker;

/// <summary>Checks a run request before anything reaches the engine, so bad input fails with what is wrong in it.</summary>
internal static class ContainerRunRequestValidation
{
    /// <summary>The longest timeout a run accepts (what a CancellationTokenSource can wait for).</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <exception cref="ArgumentException">The request is unusable; the message says which field and why.</exception>
    public static void Validate(ContainerRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ImageReference.TryParse(request.Image, out _, out var imageError))
        {
            throw Invalid($"Image '{request.Image}' is not a valid image name: {imageError}");
        }

        if (request.Command is not null && (request.Command.Count == 0 || request.Command.Any(part => part is null || part.Contains('\0', StringComparison.Ordinal))))
        {
            throw Invalid("Command must be null (the image's default) or a non-empty list of arguments without NUL characters");
        }

        foreach (var (name, value) in request.Env ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrEmpty(name) || name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal)
                || value is null || value.Contains('\0', StringComparison.Ordinal))
            {
                throw Invalid($"Env entry '{name}' must have a non-empty name without '=' and a value, both without NUL characters");
            }
        }

        foreach (var (name, value) in request.Labels ?? throw Invalid("Labels must not be null (pass an empty dictionary)"))
        {
            if (string.IsNullOrEmpty(name) || name.Contains('=', StringComparison.Ordinal) || value is null)
            {
                throw Invalid($"Label '{name}' must have a non-empty name without '=' and a value");
            }
        }

        if (request.Timeout <= TimeSpan.Zero || request.Timeout > MaxTimeout)
        {
            throw Invalid($"Timeout must be positive and at most {MaxTimeout.TotalDays:0} days; it is {request.Timeout}");
        }

        // Zero means "unlimited" to the engine: every container here has limits, so zero is refused.
        RequirePositive(nameof(request.NanoCpus), request.NanoCpus);
        RequirePositive(nameof(request.MemoryBytes), request.MemoryBytes);
        RequirePositive(nameof(request.PidsLimit), request.PidsLimit);
        RequirePositive(nameof(request.TmpfsBytes), request.TmpfsBytes);
        if (request.StdoutCapBytes < 0 || request.StdoutCapBytes > Array.MaxLength)
        {
            throw Invalid($"StdoutCapBytes must be between 0 and {Array.MaxLength}; it is {request.StdoutCapBytes}");
        }

        if (request.StderrTailBytes < 0)
        {
            throw Invalid($"StderrTailBytes must not be negative; it is {request.StderrTailBytes}");
        }
    }

    private static void RequirePositive(string field, long value)
    {
        if (value <= 0)
        {
            throw Invalid($"{field} must be positive; it is {value}");
        }
    }

    private static ArgumentException Invalid(string message) => new($"Invalid container run request: {message}.", "request");
}

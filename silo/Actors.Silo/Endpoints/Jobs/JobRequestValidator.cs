using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Actors.GrainInterfaces.Jobs;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>
/// Checks a submission field by field and names every field that is wrong (the keys of a problem's
/// <c>errors</c>), so one answer lists everything to fix. Shared by <c>POST /v1/jobs</c> and <c>POST /v1/run</c>.
/// </summary>
internal static partial class JobRequestValidator
{
    /// <summary>The most CPUs a job may ask for.</summary>
    public const double MaxCpus = 64;

    /// <summary>The least memory a job may ask for, in MiB.</summary>
    public const int MinMemoryMb = 4;

    /// <summary>The most memory a job may ask for, in MiB (1 TiB).</summary>
    public const int MaxMemoryMb = 1_048_576;

    /// <summary>The most labels a job may carry.</summary>
    public const int MaxLabels = 32;

    /// <summary>The longest label key.</summary>
    public const int MaxLabelKeyLength = 63;

    /// <summary>The longest label value.</summary>
    public const int MaxLabelValueLength = 256;

    /// <summary>
    /// Validates <paramref name="request"/>, adding a message per wrong field to <paramref name="errors"/>. Returns the
    /// job when nothing was wrong. <paramref name="rawInput"/>, when given, is the input (the body of <c>/v1/run</c>),
    /// and <paramref name="commandField"/> the name the command has in the caller's request.
    /// </summary>
    public static ValidatedJob? Validate(
        SubmitJobRequest request,
        ErrorCollector errors,
        byte[]? rawInput = null,
        string commandField = "command")
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;

        var image = request.Image;
        if (string.IsNullOrEmpty(image))
        {
            errors.Add("image", "is required");
        }
        else if (!ImageReference.IsValid(image))
        {
            errors.Add("image", $"'{Shorten(image)}' is not an image reference: expected [registry/]name[:tag][@digest] with a lower-case name, " +
                "for example 'busybox', 'busybox:1.36' or 'registry.example:5000/team/tool:v2'");
        }

        var command = ValidateCommand(request.Command, errors, commandField);
        var env = ValidateEnv(request.Env, errors);
        var input = rawInput ?? DecodeInput(request, errors);

        var timeout = request.TimeoutSeconds ?? JobLimits.DefaultTimeoutSeconds;
        if (timeout is < 1 or > JobLimits.MaxTimeoutSeconds)
        {
            errors.Add("timeoutSeconds", $"must be between 1 and {JobLimits.MaxTimeoutSeconds.ToString(CultureInfo.InvariantCulture)}");
        }

        if (request.Cpus is { } cpus && (!double.IsFinite(cpus) || cpus <= 0 || cpus > MaxCpus))
        {
            errors.Add("cpus", "must be greater than 0 and at most 64");
        }

        if (request.MemoryMb is < MinMemoryMb or > MaxMemoryMb)
        {
            errors.Add("memoryMb", $"must be between {MinMemoryMb} and {MaxMemoryMb.ToString(CultureInfo.InvariantCulture)}");
        }

        var retries = request.Retries ?? JobLimits.DefaultRetries;
        if (retries is < 0 or > JobLimits.MaxRetries)
        {
            errors.Add("retries", $"must be between 0 and {JobLimits.MaxRetries}");
        }

        var labels = ValidateLabels(request.Labels, errors);

        return errors.Count > before || image is null || input is null
            ? null
            : new ValidatedJob(image, command, env, input, timeout, request.Cpus, request.MemoryMb, retries, request.RetryOnFailure ?? false, labels);
    }

    /// <summary>Whether <paramref name="key"/> can be a label key: 1 to 63 of <c>[A-Za-z0-9._/-]</c>.</summary>
    public static bool IsValidLabelKey(string? key) => key is not null && LabelKeyPattern().IsMatch(key);

    private static List<string>? ValidateCommand(IReadOnlyList<string?>? command, ErrorCollector errors, string field)
    {
        if (command is null || command.Count == 0)
        {
            return null;
        }

        var items = new List<string>(command.Count);
        for (var i = 0; i < command.Count; i++)
        {
            var item = command[i];
            var name = $"{field}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (item is null)
            {
                errors.Add(name, "must not be null");
            }
            else if (item.Contains('\0', StringComparison.Ordinal))
            {
                errors.Add(name, "must not contain NUL characters");
            }
            else
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static Dictionary<string, string>? ValidateEnv(IReadOnlyDictionary<string, string?>? env, ErrorCollector errors)
    {
        if (env is null || env.Count == 0)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in env)
        {
            if (!EnvNamePattern().IsMatch(name))
            {
                errors.Add("env", $"'{Shorten(name)}' is not a valid variable name: use [A-Za-z_][A-Za-z0-9_]*");
            }
            else if (value is null)
            {
                errors.Add("env", $"the value of '{name}' must not be null");
            }
            else if (value.Contains('\0', StringComparison.Ordinal))
            {
                errors.Add("env", $"the value of '{name}' must not contain NUL characters");
            }
            else
            {
                result[name] = value;
            }
        }

        return result;
    }

    private static byte[]? DecodeInput(SubmitJobRequest request, ErrorCollector errors)
    {
        if (request.Input is not null && request.InputBase64 is not null)
        {
            errors.Add("inputBase64", "give either input (text) or inputBase64 (bytes), not both");
            return null;
        }

        if (request.InputBase64 is { } base64)
        {
            var buffer = new byte[base64.Length / 4 * 3 + 3];
            if (!Convert.TryFromBase64String(base64, buffer, out var written))
            {
                errors.Add("inputBase64", "is not valid base64");
                return null;
            }

            return buffer.AsSpan(0, written).ToArray();
        }

        return request.Input is { } text ? Encoding.UTF8.GetBytes(text) : [];
    }

    private static Dictionary<string, string>? ValidateLabels(IReadOnlyDictionary<string, string?>? labels, ErrorCollector errors)
    {
        if (labels is null || labels.Count == 0)
        {
            return null;
        }

        if (labels.Count > MaxLabels)
        {
            errors.Add("labels", $"at most {MaxLabels} labels are allowed, not {labels.Count.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            if (!IsValidLabelKey(key))
            {
                errors.Add("labels", $"key '{Shorten(key)}' must be 1 to 63 characters of letters, digits, '.', '_', '-' and '/'");
            }
            else if (value is null)
            {
                errors.Add("labels", $"the value of '{key}' must not be null");
            }
            else if (value.Length > MaxLabelValueLength)
            {
                errors.Add("labels", $"the value of '{key}' must be at most {MaxLabelValueLength} characters");
            }
            else
            {
                result[key] = value;
            }
        }

        return result;
    }

    // Echoing a user's megabyte-long string back in a problem helps nobody.
    private static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvNamePattern();

    [GeneratedRegex("^[A-Za-z0-9._/-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelKeyPattern();
}

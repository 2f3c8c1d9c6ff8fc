using Microsoft.Extensions.Options;

namespace Actors.Silo.Hosting;

/// <summary>Turns the ways a bad configuration surfaces at start into one readable message and an exit code.</summary>
public static class StartupErrors
{
    /// <summary>The exit code for an invalid configuration.</summary>
    public const int InvalidConfigurationExitCode = 2;

    /// <summary>The exit code when the silo could not join its cluster (an active silo was unreachable).</summary>
    public const int JoinFailedExitCode = 4;

    /// <summary>True when <paramref name="exception"/> means the configuration is invalid (rather than a crash).</summary>
    public static bool IsConfigurationError(Exception exception) => exception switch
    {
        OptionsValidationException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsConfigurationError),
        InvalidOperationException invalid => invalid.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal)
            || (invalid.InnerException is not null && IsConfigurationError(invalid.InnerException)),
        _ => false,
    };

    /// <summary>Every failure, one per line, under a heading.</summary>
    public static string Describe(Exception exception)
    {
        var lines = new List<string>();
        Collect(exception, lines);
        return "The silo did not start: its configuration is invalid.\n  - " + string.Join("\n  - ", lines.Distinct()) +
               "\nSettings come from appsettings.json and environment variables (for example Actors__Silo__ClusterId); see README.md.";
    }

    // Options classes name their configuration section in a SectionName constant.
    private static string? SectionOf(Type optionsType) =>
        optionsType.GetField("SectionName", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetRawConstantValue() as string;

    private static void Collect(Exception exception, List<string> lines)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                var section = SectionOf(validation.OptionsType);
                lines.AddRange(validation.Failures.Select(f => section is null || f.StartsWith(section, StringComparison.Ordinal) ? f : $"[{section}] {f}"));
                break;
            case AggregateException aggregate:
                foreach (var inner in aggregate.InnerExceptions)
                {
                    Collect(inner, lines);
                }

                break;
            default:
                lines.Add(exception.InnerException is { } cause && IsConfigurationError(cause) ? cause.Message : exception.Message);
                break;
        }
    }
}

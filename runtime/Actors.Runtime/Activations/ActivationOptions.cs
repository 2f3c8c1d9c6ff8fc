using System.ComponentModel.DataAnnotations;

namespace Actors.Runtime.Activations;

/// <summary>Activation lifetime settings (configuration section <c>Actors:Activations</c>).</summary>
public sealed class ActivationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Actors:Activations";

    /// <summary>How long an activation may sit idle before it is deactivated; [CollectionAgeLimit] overrides per class. Default 15 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")]
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for. Default 1 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long <see cref="Grain.OnDeactivateAsync"/> may run before its token is cancelled. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Turns one activation runs per pass on a pool thread before yielding it to others. Default 32.</summary>
    [Range(1, 100_000)]
    public int TurnsPerDispatch { get; set; } = 32;
}

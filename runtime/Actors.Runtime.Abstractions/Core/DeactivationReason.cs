namespace Actors;

/// <summary>Why an activation is deactivated, passed to <see cref="Grain.OnDeactivateAsync"/>.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode Code, string Description, Exception? Exception = null)
{
    /// <inheritdoc />
    public override string ToString() => Exception is null ? $"{Code}: {Description}" : $"{Code}: {Description} ({Exception.GetType().Name}: {Exception.Message})";
}

namespace Actors;

/// <summary>Where one activation of a grain lives: the grain, its silo and the activation's id.</summary>
/// <param name="GrainId">The grain.</param>
/// <param name="Silo">The silo hosting the activation.</param>
/// <param name="ActivationId">Distinguishes successive activations of the grain, even on the same silo.</param>
public sealed record GrainAddress(GrainId GrainId, SiloAddress Silo, Guid ActivationId)
{
    /// <inheritdoc />
    public override string ToString() => $"{GrainId}@{Silo}#{ActivationId:N}";
}

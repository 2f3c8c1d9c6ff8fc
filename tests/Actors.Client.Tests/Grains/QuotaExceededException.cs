namespace Actors.Client.Tests.Grains;

/// <summary>
/// An exception the receiving end cannot recreate (no (message) or (message, inner) constructor), as if its type were
/// unknown there: it must arrive as a <see cref="RemoteGrainException"/> naming this type.
/// </summary>
#pragma warning disable CA1032 // Deliberately without the standard constructors.
public sealed class QuotaExceededException(int quota) : Exception($"The quota of {quota} is exceeded.")
#pragma warning restore CA1032
{
    public int Quota { get; } = quota;
}

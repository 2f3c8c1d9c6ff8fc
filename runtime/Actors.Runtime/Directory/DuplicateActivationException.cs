namespace Actors.Runtime.Directory;

/// <summary>An activation lost its registration to another activation of the same grain; its messages go to the winner.</summary>
internal sealed class DuplicateActivationException(GrainAddress winner)
    : Exception($"{winner.GrainId} is already active at {winner}.")
{
    public GrainAddress Winner { get; } = winner;
}

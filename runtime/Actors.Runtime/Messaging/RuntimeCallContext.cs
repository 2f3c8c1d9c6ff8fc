using Actors.Runtime.Activations;

namespace Actors.Runtime.Messaging;

/// <summary>
/// The turn the current code runs in, flowing with async calls (AsyncLocal), so a call made by a grain knows
/// which turn waits on it. Only that is needed for call-cycle detection and the caller's identity.
/// </summary>
internal sealed class RuntimeCallContext
{
    private static readonly AsyncLocal<RuntimeCallContext?> Current = new();

    private RuntimeCallContext(ActivationData activation, Message turn)
    {
        Activation = activation;
        Turn = turn;
    }

    public ActivationData Activation { get; }

    public Message Turn { get; }

    public static RuntimeCallContext? Value => Current.Value;

    /// <summary>Enters a turn; returns what to restore when the turn's synchronous part returns.</summary>
    public static RuntimeCallContext? Enter(ActivationData activation, Message turn)
    {
        var previous = Current.Value;
        Current.Value = new RuntimeCallContext(activation, turn);
        return previous;
    }

    public static void Exit(RuntimeCallContext? previous) => Current.Value = previous;

    /// <summary>The chain to put on a call made from this turn: the turn's own chain plus this turn.</summary>
    public CallChainEntry[] ChainForOutgoingCall()
    {
        var incoming = Turn.CallChain;
        var length = incoming?.Length ?? 0;
        var chain = new CallChainEntry[length + 1];
        incoming?.CopyTo(chain, 0);
        chain[length] = new CallChainEntry(Activation.GrainId, Turn.TurnId);
        return chain;
    }
}

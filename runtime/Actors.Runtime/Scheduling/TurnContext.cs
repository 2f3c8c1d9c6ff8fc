using Actors.Runtime.Activations;
using Actors.Runtime.Messaging;

namespace Actors.Runtime.Scheduling;

/// <summary>
/// The synchronization context of one turn. Grain code runs with it current, so each await resumes as a work
/// item of the same activation, still knowing its turn: a call made from it carries the turn's call chain and
/// caller identity, and its response is completed inside the same turn. One small object per turn replaces an
/// AsyncLocal (which would copy the execution context on every await).
/// </summary>
internal sealed class TurnContext : SynchronizationContext
{
    [ThreadStatic]
    private static TurnContext? t_current;

    public TurnContext(ActivationData activation, Message turn)
    {
        Activation = activation;
        Turn = turn;
    }

    /// <summary>The turn the current thread is running, if any.</summary>
    public static TurnContext? CurrentTurn => t_current;

    public ActivationData Activation { get; }

    public Message Turn { get; }

    /// <summary>Makes <paramref name="context"/> current (both as turn and as synchronization context); returns what to restore.</summary>
    public static (SynchronizationContext? Synchronization, TurnContext? Turn) Enter(SynchronizationContext? synchronization, TurnContext? context)
    {
        var previous = (SynchronizationContext.Current, t_current);
        SetSynchronizationContext(synchronization);
        t_current = context;
        return previous;
    }

    public static void Exit((SynchronizationContext? Synchronization, TurnContext? Turn) previous)
    {
        SetSynchronizationContext(previous.Synchronization);
        t_current = previous.Turn;
    }

    public override void Post(SendOrPostCallback d, object? state) => Activation.Post(d, state, this);

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (!ReferenceEquals(t_current?.Activation, Activation))
        {
            throw new NotSupportedException("A synchronous Send into a grain activation would block a thread; await instead.");
        }

        d(state);
    }

    public override SynchronizationContext CreateCopy() => this;

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

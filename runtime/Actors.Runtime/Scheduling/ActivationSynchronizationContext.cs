using Actors.Runtime.Activations;

namespace Actors.Runtime.Scheduling;

/// <summary>
/// The activation's own context, current while it runs work that belongs to no turn. Anything that captures it
/// still resumes on the activation. Grain code itself runs under its turn's <see cref="TurnContext"/>.
/// </summary>
internal sealed class ActivationSynchronizationContext(ActivationData activation) : SynchronizationContext
{
    private readonly ActivationData _activation = activation;

    public override void Post(SendOrPostCallback d, object? state) => _activation.Post(d, state, context: null);

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (!ReferenceEquals(RuntimeContext.Current, _activation))
        {
            throw new NotSupportedException("A synchronous Send into a grain activation would block a thread; await instead.");
        }

        d(state);
    }

    public override SynchronizationContext CreateCopy() => this;
}

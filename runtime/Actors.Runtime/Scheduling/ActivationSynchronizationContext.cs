using Actors.Runtime.Activations;

namespace Actors.Runtime.Scheduling;

/// <summary>
/// Grain code runs with this context current, so every await resumes as a work item of its own activation:
/// that is what makes turns of one activation run one at a time without locks in grain code.
/// </summary>
internal sealed class ActivationSynchronizationContext(ActivationData activation) : SynchronizationContext
{
    private readonly ActivationData _activation = activation;

    public override void Post(SendOrPostCallback d, object? state) => _activation.Post(d, state);

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

using Actors.Serialization;

namespace Actors.Invocation;

/// <summary>
/// One call of a grain method with its arguments: what generated proxies build and the runtime delivers.
/// Generated code derives one sealed class per method.
/// </summary>
/// <remarks>
/// In-silo calls hand the same object to the callee after <see cref="CopyArguments"/> has copied any mutable
/// argument; calls between processes carry the arguments written by <see cref="WriteArguments"/>.
/// </remarks>
public abstract class GrainRequest
{
    /// <summary>The method being called.</summary>
    public abstract GrainMethodDescriptor Method { get; }

    /// <summary>The number of serialized arguments (a CancellationToken parameter is not one of them).</summary>
    public virtual int ArgumentCount => 0;

    /// <summary>
    /// On the caller's side, the token the caller passed (if the method takes one); on the callee's side, the
    /// token the runtime passes to the grain method, cancelled when the caller cancels or the call's deadline passes.
    /// </summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Reads argument <paramref name="index"/> (boxed; for filters and diagnostics).</summary>
    public virtual object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Replaces argument <paramref name="index"/> (for filters).</summary>
    public virtual void SetArgument(int index, object? value) => throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Writes the arguments in order.</summary>
    public virtual void WriteArguments(IFieldWriter writer)
    {
    }

    /// <summary>Reads the arguments in order.</summary>
    public virtual void ReadArguments(IFieldReader reader)
    {
    }

    /// <summary>Replaces every argument that is not known to be immutable by a deep copy.</summary>
    public virtual void CopyArguments(IDeepCopier copier)
    {
    }

    /// <summary>Calls the method on <paramref name="target"/>, the grain instance.</summary>
    public abstract Task InvokeAsync(object target);

    /// <summary>The result of a successfully completed <see cref="InvokeAsync"/> task, boxed.</summary>
    public abstract object? GetBoxedResult(Task completed);

    /// <summary>Writes a boxed result (for example one a filter replaced).</summary>
    public abstract void WriteBoxedResult(object? result, IFieldWriter writer);

    /// <inheritdoc />
    public override string ToString() => Method.ToString();
}

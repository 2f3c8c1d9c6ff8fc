using Actors.Serialization;

namespace Actors.Invocation;

/// <summary>A request whose method returns <typeparamref name="TResult"/> (<see cref="object"/> for methods that return no value).</summary>
public abstract class GrainRequest<TResult> : GrainRequest
{
    /// <summary>The typed result of a successfully completed <see cref="GrainRequest.InvokeAsync"/> task.</summary>
    public abstract TResult GetResult(Task completed);

    /// <inheritdoc />
    public sealed override object? GetBoxedResult(Task completed) => GetResult(completed);

    /// <inheritdoc />
    public sealed override void WriteBoxedResult(object? result, IFieldWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(result is null ? default! : (TResult)result);
    }
}

using Actors.Invocation;

namespace Actors.Runtime.Messaging;

/// <summary>Where an activation delivers the outcome of a request: a local caller's completion or a remote caller's responder.</summary>
internal interface IResponseSink
{
    /// <summary>The invocation finished (successfully or not); <paramref name="invocation"/> is completed.</summary>
    void Complete(GrainRequest request, Task invocation);

    /// <summary>The call produced <paramref name="result"/> (boxed, for example after filters).</summary>
    void CompleteBoxed(object? result);

    /// <summary>The call failed before or during invocation.</summary>
    void Fail(Exception exception);
}

using System.Reflection;
using Actors.Invocation;

namespace Actors.Filters;

/// <summary>One grain call as call filters see it.</summary>
public interface IGrainCallContext
{
    /// <summary>The request (method and arguments).</summary>
    GrainRequest Request { get; }

    /// <summary>The interface the method belongs to.</summary>
    Type InterfaceType { get; }

    /// <summary>The interface method being called.</summary>
    MethodInfo InterfaceMethod { get; }

    /// <summary>The method name.</summary>
    string MethodName { get; }

    /// <summary>The arguments (boxed; read with care on hot paths).</summary>
    IReadOnlyList<object?> Arguments { get; }

    /// <summary>The grain being called.</summary>
    GrainId TargetId { get; }

    /// <summary>The calling grain, when a grain is calling.</summary>
    GrainId? SourceId { get; }

    /// <summary>The result, once <see cref="InvokeAsync"/> completed; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>The exception the call ended with, once <see cref="InvokeAsync"/> threw it (it also propagates).</summary>
    Exception? Exception { get; }

    /// <summary>Calls the next filter, or the call itself after the last filter.</summary>
    Task InvokeAsync();
}

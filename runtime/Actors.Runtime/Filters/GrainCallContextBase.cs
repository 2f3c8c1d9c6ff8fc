using System.Reflection;
using Actors.Filters;
using Actors.Invocation;

namespace Actors.Runtime.Filters;

/// <summary>What incoming and outgoing call contexts share: the request, the result and the exception.</summary>
internal abstract class GrainCallContextBase(GrainRequest request, GrainId targetId, GrainId? sourceId) : IGrainCallContext
{
    private object?[]? _arguments;

    public GrainRequest Request { get; } = request;

    public Type InterfaceType => Request.Method.InterfaceType;

    public MethodInfo InterfaceMethod => Request.Method.MethodInfo;

    public string MethodName => Request.Method.Name;

    public IReadOnlyList<object?> Arguments
    {
        get
        {
            if (_arguments is null)
            {
                var arguments = new object?[Request.ArgumentCount];
                for (var i = 0; i < arguments.Length; i++)
                {
                    arguments[i] = Request.GetArgument(i);
                }

                _arguments = arguments;
            }

            return _arguments;
        }
    }

    public GrainId TargetId { get; } = targetId;

    public GrainId? SourceId { get; } = sourceId;

    public object? Result { get; set; }

    public Exception? Exception { get; protected set; }

    public abstract Task InvokeAsync();
}

using Actors.Filters;
using Actors.Runtime.Activations;
using Actors.Runtime.Messaging;

namespace Actors.Runtime.Filters;

/// <summary>Runs a request through the silo's incoming filters, then the grain's own filter, then the grain method.</summary>
internal sealed class IncomingGrainCallContext : GrainCallContextBase, IIncomingGrainCallContext
{
    private readonly IIncomingGrainCallFilter[] _filters;
    private int _next;
    private bool _grainFilterRan;

    private IncomingGrainCallContext(ActivationData activation, Message message, IIncomingGrainCallFilter[] filters)
        : base(message.Request!, activation.GrainId, message.SendingGrain.IsDefault ? null : message.SendingGrain)
    {
        Grain = activation.GrainInstance!;
        _filters = filters;
    }

    public object Grain { get; }

    /// <summary>Invokes the request through the filters; the task's result is the (possibly replaced) boxed result.</summary>
    public static async Task<object?> InvokeAsync(ActivationData activation, Message message, IIncomingGrainCallFilter[] filters)
    {
        var context = new IncomingGrainCallContext(activation, message, filters);
        await context.InvokeAsync();
        return context.Result;
    }

    public override async Task InvokeAsync()
    {
        try
        {
            if (_next < _filters.Length)
            {
                await _filters[_next++].InvokeAsync(this);
            }
            else if (!_grainFilterRan && Grain is IIncomingGrainCallFilter grainFilter)
            {
                _grainFilterRan = true;
                await grainFilter.InvokeAsync(this);
            }
            else
            {
                var invocation = Request.InvokeAsync(Grain);
                await invocation;
                Result = Request.GetBoxedResult(invocation);
            }
        }
        catch (Exception ex)
        {
            Exception ??= ex;
            throw;
        }
    }
}

using Actors.Filters;
using Actors.Invocation;

namespace Actors.Runtime.Filters;

/// <summary>Runs an outgoing call through the outgoing filters, then sends it.</summary>
internal sealed class OutgoingGrainCallContext<TResult>(
    GrainReference target,
    GrainRequest<TResult> request,
    GrainId? sourceId,
    IOutgoingGrainCallFilter[] filters,
    Func<GrainReference, GrainRequest<TResult>, Task<TResult>> send)
    : GrainCallContextBase(request, target.GrainId, sourceId), IOutgoingGrainCallContext
{
    private readonly GrainReference _target = target;
    private readonly IOutgoingGrainCallFilter[] _filters = filters;
    private readonly Func<GrainReference, GrainRequest<TResult>, Task<TResult>> _send = send;
    private int _next;

    public override async Task InvokeAsync()
    {
        try
        {
            if (_next < _filters.Length)
            {
                await _filters[_next++].InvokeAsync(this);
            }
            else
            {
                Result = await _send(_target, (GrainRequest<TResult>)Request);
            }
        }
        catch (Exception ex)
        {
            Exception ??= ex;
            throw;
        }
    }
}

using Actors.Filters;
using Actors.TestKit;

namespace Actors.Runtime.Tests.Grains;

/// <summary>Records what an outgoing filter sees.</summary>
public sealed class RecordingOutgoingFilter(Probe probe) : IOutgoingGrainCallFilter
{
    public async Task InvokeAsync(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceType != typeof(IFilteredGrain))
        {
            await context.InvokeAsync();
            return;
        }

        probe.Signal($"out:{context.MethodName}({string.Join(",", context.Arguments)}) to {context.TargetId}");
        try
        {
            await context.InvokeAsync();
            probe.Signal($"out-result:{context.Result}");
        }
        catch (Exception ex)
        {
            probe.Signal($"out-exception:{ex.GetType().Name}");
            throw;
        }
    }
}

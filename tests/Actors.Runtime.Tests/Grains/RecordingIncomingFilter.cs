using Actors.Filters;
using Actors.TestKit;

namespace Actors.Runtime.Tests.Grains;

/// <summary>Records what an incoming filter sees; doubles MultiplyAsync results to show a filter can change them.</summary>
public sealed class RecordingIncomingFilter(Probe probe) : IIncomingGrainCallFilter
{
    public async Task InvokeAsync(IIncomingGrainCallContext context)
    {
        if (context.InterfaceType != typeof(IFilteredGrain))
        {
            await context.InvokeAsync();
            return;
        }

        probe.Signal($"in:{context.InterfaceType.Name}.{context.InterfaceMethod.Name}({string.Join(",", context.Arguments)}) on {context.Grain.GetType().Name}");
        try
        {
            await context.InvokeAsync();
            probe.Signal($"in-result:{context.Result}");
            if (context.MethodName == nameof(IFilteredGrain.MultiplyAsync))
            {
                context.Result = (int)context.Result! * 2;
            }
        }
        catch (Exception ex)
        {
            probe.Signal($"in-exception:{context.Exception?.GetType().Name}:{ex.Message}");
            throw;
        }
    }
}

using Actors.Filters;
using Actors.TestKit;

namespace Actors.Runtime.Tests.Grains;

/// <summary>Also its own incoming filter: it runs after the silo-wide filters and records "grain-filter:{method}".</summary>
public sealed class FilteredGrain(Probe probe) : Grain, IFilteredGrain, IIncomingGrainCallFilter
{
    public Task<int> MultiplyAsync(int a, int b) => Task.FromResult(a * b);

    public Task FailAsync(string message) => throw new GrainFailureException(message);

    public async Task InvokeAsync(IIncomingGrainCallContext context)
    {
        probe.Signal("grain-filter:" + context.MethodName);
        await context.InvokeAsync();
    }
}

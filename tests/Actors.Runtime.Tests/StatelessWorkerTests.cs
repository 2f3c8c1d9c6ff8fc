using Actors.Runtime.Tests.Grains;
using Actors.TestKit;

namespace Actors.Runtime.Tests;

/// <summary>[StatelessWorker] ids get several local activations, up to the class's limit.</summary>
public sealed class StatelessWorkerTests : RuntimeTestBase
{
    [Fact]
    public async Task BusyWorkers_AddActivationsUpToTheLimit_ThenQueue()
    {
        var worker = Grains.GetGrain<IWorkerGrain>(7);

        var busy = Enumerable.Range(0, 3).Select(i => worker.WorkAsync($"w{i}")).ToList();
        await Probe.WaitForCountAsync("working", 3);
        var queued = worker.WorkAsync("w3");

        foreach (var i in Enumerable.Range(0, 4))
        {
            Probe.Open($"w{i}");
        }

        var ids = await Task.WhenAll(busy.Append(queued));
        Assert.Equal(3, ids.Take(3).Distinct().Count());
        Assert.Contains(ids[3], ids.Take(3));
    }
}

using Actors.TestKit;

namespace Actors.Runtime.Tests.Grains;

[StatelessWorker(3)]
public sealed class WorkerGrain(Probe probe) : Grain, IWorkerGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    public async Task<Guid> WorkAsync(string gate)
    {
        probe.SignalCounted("working");
        await probe.WaitAsync(gate);
        return _activationId;
    }
}

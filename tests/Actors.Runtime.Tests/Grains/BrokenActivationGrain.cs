using Actors.TestKit;

namespace Actors.Runtime.Tests.Grains;

/// <summary>Fails OnActivateAsync while the gate "let-{key}-activate" is closed.</summary>
public sealed class BrokenActivationGrain(Probe probe) : Grain, IBrokenActivationGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        probe.Count("let-" + this.GetPrimaryKeyString() + "-activate") > 0
            ? Task.CompletedTask
            : throw new GrainFailureException("activation refused: " + this.GetPrimaryKeyString());

    public Task<string> PingAsync() => Task.FromResult("pong");
}

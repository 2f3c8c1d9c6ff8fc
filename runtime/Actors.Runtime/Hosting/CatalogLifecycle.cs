using Actors.Runtime.Activations;
using Actors.Runtime.Messaging;
using Actors.Invocation;

namespace Actors.Runtime.Hosting;

/// <summary>
/// Ties the runtime's core to the silo lifecycle: reads generated grain code at start; on stop deactivates every
/// activation (each OnDeactivateAsync runs) and then fails calls still waiting for a response.
/// </summary>
internal sealed class CatalogLifecycle(
    Catalog catalog,
    ActivationHost host,
    CallbackRegistry callbacks,
    GrainInterfaceRegistry interfaces,
    GrainClassRegistry classes)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly Catalog _catalog = catalog;
    private readonly ActivationHost _host = host;
    private readonly CallbackRegistry _callbacks = callbacks;
    private readonly GrainInterfaceRegistry _interfaces = interfaces;
    private readonly GrainClassRegistry _classes = classes;

    public void Participate(ISiloLifecycle lifecycle)
    {
        lifecycle.Subscribe(nameof(GrainInterfaceRegistry), SiloLifecycleStage.RuntimeInitialize, LoadInterfacesAsync);
        lifecycle.Subscribe(nameof(Catalog), SiloLifecycleStage.RuntimeServices, static _ => Task.CompletedTask, StopAsync);
    }

    private Task LoadInterfacesAsync(CancellationToken cancellationToken)
    {
        _host.ResolveDependencies();
        _interfaces.AddLoadedAssemblies();
        foreach (var grainClass in _classes.Classes)
        {
            foreach (var grainInterface in grainClass.GrainInterfaces)
            {
                _interfaces.AddAssembly(grainInterface.Assembly);
            }
        }

        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _catalog.DeactivateAllAsync(
            new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is stopping."), cancellationToken).ConfigureAwait(false);
        _callbacks.FailAll(static c => new SiloUnavailableException($"The silo stopped before {c.Request.Request} on {c.Request.TargetGrain} answered."));
    }
}

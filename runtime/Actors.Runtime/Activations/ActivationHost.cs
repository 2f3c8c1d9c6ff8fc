using Actors.Filters;
using Actors.Runtime.Diagnostics;
using Actors.Runtime.Directory;
using Actors.Runtime.Hosting;
using Actors.Runtime.Messaging;
using Actors.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Activations;

/// <summary>What every activation of a silo shares: settings, clock, services and the parts it calls back into.</summary>
internal sealed class ActivationHost(
    IServiceProvider services,
    TimeProvider time,
    IOptions<ActivationOptions> activationOptions,
    IOptions<MessagingOptions> messagingOptions,
    ILocalSiloDetails silo,
    GrainActivator activator,
    IDeepCopier copier,
    RuntimeInstruments instruments,
    ILoggerFactory loggerFactory,
    IEnumerable<IIncomingGrainCallFilter> incomingFilters)
{
    private Catalog? _catalog;
    private MessageRouter? _router;
    private GrainLocator? _locator;
    private IGrainFactory? _grainFactory;

    public IServiceProvider Services { get; } = services;

    public TimeProvider Time { get; } = time;

    public ActivationOptions Options { get; } = activationOptions.Value;

    public MessagingOptions Messaging { get; } = messagingOptions.Value;

    public SiloAddress Silo { get; } = silo.SiloAddress;

    public GrainActivator Activator { get; } = activator;

    public IDeepCopier Copier { get; } = copier;

    public RuntimeInstruments Instruments { get; } = instruments;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("Actors.Runtime.Activations");

    public IIncomingGrainCallFilter[] IncomingFilters { get; } = [.. incomingFilters];

    /// <summary>Resolves the parts that could not be injected (they depend on this host), while the silo starts.</summary>
    public void ResolveDependencies()
    {
        _ = Catalog;
        _ = Router;
        _ = Locator;
        _ = GrainFactory;
    }

    // These depend on the catalog, which depends on this host; ResolveDependencies resolves them at start.
    public Catalog Catalog => _catalog ??= Services.GetRequiredService<Catalog>();

    public MessageRouter Router => _router ??= Services.GetRequiredService<MessageRouter>();

    public GrainLocator Locator => _locator ??= Services.GetRequiredService<GrainLocator>();

    public IGrainFactory GrainFactory => _grainFactory ??= Services.GetRequiredService<IGrainFactory>();
}

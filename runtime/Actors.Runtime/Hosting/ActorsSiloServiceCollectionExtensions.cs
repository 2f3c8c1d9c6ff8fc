using Actors;
using Actors.Invocation;
using Actors.Persistence;
using Actors.Placement;
using Actors.Reminders;
using Actors.Runtime.Activations;
using Actors.Runtime.Diagnostics;
using Actors.Runtime.Directory;
using Actors.Runtime.GrainReferences;
using Actors.Runtime.Hosting;
using Actors.Runtime.Membership;
using Actors.Runtime.Messaging;
using Actors.Runtime.Networking;
using Actors.Runtime.Networking.Gateway;
using Actors.Runtime.Placement;
using Actors.Runtime.Reminders;
using Actors.Runtime.Serialization;
using Actors.Runtime.Storage;
using Actors.Serialization;
using Actors.Transport.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the silo runtime and its parts. Every method is idempotent, so hosts and tests can swap parts.</summary>
public static class ActorsSiloServiceCollectionExtensions
{
    /// <summary>Adds the silo runtime, binding its options from <paramref name="configuration"/>, and runs <paramref name="configure"/>.</summary>
    public static IServiceCollection AddActorsSilo(this IServiceCollection services, IConfiguration configuration, Action<ISiloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = new SiloBuilder(services, configuration);
        if (!services.Any(s => s.ServiceType == typeof(SiloHostedService)))
        {
            AddCore(services);
        }

        configure?.Invoke(builder);

        // The embedded defaults, used when nothing durable was configured.
        services.TryAddKeyedSingleton<IGrainStorage>(GrainStorageNames.Default, static (sp, _) => sp.GetRequiredService<InMemoryGrainStorage>());
        services.TryAddSingleton<IReminderTable>(static sp => sp.GetRequiredService<InMemoryReminderTable>());
        services.TryAddSingleton<IMembershipTable, InMemoryMembershipTable>();
        services.TryAddSingleton<IGrainDirectory, InMemoryGrainDirectory>();
        return services;
    }

    private static void AddCore(IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>();
        services.AddSingleton<IValidateOptions<SiloOptions>, SiloOptionsCrossFieldValidator>();
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>();
        services.AddOptions<ActivationOptions>().BindConfiguration(ActivationOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ActivationOptions>, ActivationOptionsValidator>();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddOptions<ClusterMembershipOptions>().BindConfiguration(ClusterMembershipOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterMembershipOptions>, ClusterMembershipOptionsValidator>();
        services.AddOptions<GrainClassOptions>();
        services.AddOptions<SerializationOptions>();

        services.TryAddSingleton<ILocalSiloDetails, LocalSiloDetails>();
        services.TryAddSingleton<RuntimeInstruments>();
        services.TryAddSingleton<IRuntimeStatistics, RuntimeStatistics>();
        services.TryAddSingleton<GrainInterfaceRegistry>();
        services.TryAddSingleton<GrainClassRegistry>();
        services.TryAddSingleton<IGrainTypeResolver>(static sp => sp.GetRequiredService<GrainClassRegistry>());

        services.TryAddSingleton(static sp => new GrainReferenceJsonConverterFactory(() => sp.GetRequiredService<GrainReferenceActivator>()));
        services.TryAddSingleton(static sp => new JsonSerializerAdapter(
            sp.GetRequiredService<IOptions<SerializationOptions>>().Value, sp.GetRequiredService<GrainReferenceJsonConverterFactory>()));
        services.TryAddSingleton<ISerializer>(static sp => sp.GetRequiredService<JsonSerializerAdapter>());
        services.TryAddSingleton<IDeepCopier, DeepCopier>();

        services.TryAddSingleton<GrainActivator>();
        services.TryAddSingleton<ActivationHost>();
        services.TryAddSingleton<Catalog>();
        services.TryAddSingleton<CallbackRegistry>();
        services.TryAddSingleton<MessageRouter>();
        services.TryAddSingleton<GrainCallRuntime>();
        services.TryAddSingleton<IGrainReferenceRuntime>(static sp => sp.GetRequiredService<GrainCallRuntime>());
        services.TryAddSingleton<GrainReferenceActivator>();
        services.TryAddSingleton<IGrainFactory, GrainFactory>();

        // One code path for one silo and many: membership, directory and placement run in the embedded default too.
        services.TryAddSingleton<ClusterMembershipService>();
        services.TryAddSingleton<IClusterMembershipService>(static sp => sp.GetRequiredService<ClusterMembershipService>());
        services.TryAddSingleton<MembershipAgent>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(static sp => sp.GetRequiredService<MembershipAgent>());
        services.TryAddSingleton<SiloHealthMonitor>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(static sp => sp.GetRequiredService<SiloHealthMonitor>());
        services.TryAddSingleton<ISiloFatalErrorHandler, StopHostOnFatalError>();
        services.TryAddSingleton<SiloTermination>();
        services.TryAddSingleton<GrainLocator>();
        services.AddSingleton<IMembershipListener>(static sp => sp.GetRequiredService<GrainLocator>());
        services.TryAddSingleton<PlacementService>();
        services.TryAddKeyedSingleton<IPlacementDirector, RandomPlacementDirector>(typeof(RandomPlacement));
        services.TryAddKeyedSingleton<IPlacementDirector, PreferLocalPlacementDirector>(typeof(PreferLocalPlacement));
        services.TryAddKeyedSingleton<IPlacementDirector, HashBasedPlacementDirector>(typeof(HashBasedPlacement));
        services.TryAddKeyedSingleton<IPlacementDirector, ActivationCountPlacementDirector>(typeof(ActivationCountBasedPlacement));
        services.TryAddKeyedSingleton<IPlacementDirector, NodePinnedPlacementDirector>(typeof(NodePinnedPlacement));
        services.TryAddSingleton<WireConversion>();
        services.TryAddSingleton<SiloConnections>();
        services.TryAddSingleton<IRemoteMessageSender>(static sp => sp.GetRequiredService<SiloConnections>());
        services.TryAddSingleton<ISiloProber>(static sp => sp.GetRequiredService<SiloConnections>());
        services.TryAddSingleton<IMembershipGossip>(static sp => sp.GetRequiredService<SiloConnections>());
        services.TryAddSingleton<IReminderChangeNotifier>(static sp => sp.GetRequiredService<SiloConnections>());
        services.AddSingleton<IMembershipListener>(static sp => sp.GetRequiredService<SiloConnections>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(static sp => sp.GetRequiredService<SiloConnections>());
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.TryAddSingleton<ClientGateway>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(static sp => sp.GetRequiredService<ClientGateway>());

        services.TryAddSingleton<InMemoryGrainStore>();
        services.TryAddSingleton<InMemoryGrainStorage>();
        services.TryAddSingleton<InMemoryReminderTable>();
        services.TryAddSingleton<LocalReminderService>();
        services.TryAddSingleton<IReminderRegistry>(static sp => sp.GetRequiredService<LocalReminderService>());
        services.AddSingleton<IMembershipListener>(static sp => sp.GetRequiredService<LocalReminderService>());

        services.TryAddSingleton<SiloLifecycle>();
        services.TryAddSingleton<ISiloLifecycle>(static sp => sp.GetRequiredService<SiloLifecycle>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, CatalogLifecycle>();
        services.TryAddSingleton<ActivationCollector>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(static sp => sp.GetRequiredService<ActivationCollector>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(static sp => sp.GetRequiredService<LocalReminderService>());
        services.AddHostedService<SiloHostedService>();
    }
}

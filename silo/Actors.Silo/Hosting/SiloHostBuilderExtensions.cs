using System.Reflection;
using System.Runtime.Loader;
using Actors.Containers.Docker;
using Actors.GrainInterfaces.Serialization;
using Actors.Grains.Health;
using Actors.Runtime.Hosting;
using Actors.Silo.ErrorHandling;
using Actors.Silo.Health;
using Microsoft.Extensions.Options;

namespace Actors.Silo.Hosting;

/// <summary>Wires the silo host: the runtime with this product's grains, storage from configuration, and the API's plumbing.</summary>
public static class SiloHostBuilderExtensions
{
    /// <summary>The configuration section of the Docker engine adapter (endpoint, registry, timeouts).</summary>
    public const string DockerSectionName = "Actors:Docker";

    /// <summary>Adds the silo (runtime, grains, storage) and the API services to the web application.</summary>
    /// <exception cref="OptionsValidationException">The storage settings are invalid.</exception>
    public static WebApplicationBuilder AddActorsSiloHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var storage = ReadStorageOptions(builder.Configuration);
        builder.Services.AddSingleton(Options.Create(storage));
        var grainAssemblies = LoadGrainAssemblies(builder.Configuration);
        builder.UseActorsSilo(silo =>
        {
            silo.AddGrains(typeof(HealthProbeGrain).Assembly);
            silo.AddGrains([.. grainAssemblies]);
            silo.AddJsonTypeInfoResolver(GrainInterfacesJsonContext.Default);
            if (storage.Provider == StorageProvider.PostgreSql)
            {
                silo.UsePostgreSql(storage.ConnectionString!);
            }
        });
        builder.Services.AddHostedService<StorageAnnouncement>();

        // Jobs: Task, scheduler and executor-node grains; the local Docker engine as this node's container runtime.
        builder.Services.AddJobs();
        builder.Services.AddDockerContainerRuntime();
        builder.Services.AddOptions<DockerOptions>().BindConfiguration(DockerSectionName);
        if (storage.Provider == StorageProvider.PostgreSql)
        {
            builder.Services.AddPostgreSqlJobStore(storage.ConnectionString!);
        }

        // Coordination: sessions, locks, semaphores, elections, the key/value store and service discovery.
        builder.Services.AddCoordination();
        if (storage.Provider == StorageProvider.PostgreSql)
        {
            builder.Services.AddPostgreSqlKeyValueStore(storage.ConnectionString!);
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<GrainCallExceptionHandler>();
        builder.Services.AddHealthChecks().AddCheck<GrainCallHealthCheck>("grain-call");
        return builder;
    }

    /// <summary>Reads and validates the storage settings now: the choice decides which services are registered.</summary>
    private static List<Assembly> LoadGrainAssemblies(IConfiguration configuration)
    {
        var options = new GrainAssemblyOptions();
        configuration.GetSection(GrainAssemblyOptions.SectionName).Bind(options);
        var loaded = new List<Assembly>();
        var failures = new List<string>();
        foreach (var path in options.Assemblies.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            var fullPath = Path.GetFullPath(path);
            if (!File.Exists(fullPath))
            {
                failures.Add($"{GrainAssemblyOptions.SectionName}:Assemblies names '{path}', which does not exist.");
                continue;
            }

            try
            {
                loaded.Add(AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath));
            }
            catch (BadImageFormatException ex)
            {
                failures.Add($"{GrainAssemblyOptions.SectionName}:Assemblies names '{path}', which is not a .NET assembly: {ex.Message}");
            }
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(GrainAssemblyOptions.SectionName, typeof(GrainAssemblyOptions), failures);
        }

        return loaded;
    }

    private static SiloStorageOptions ReadStorageOptions(IConfiguration configuration)
    {
        var storage = configuration.GetSection(SiloStorageOptions.SectionName).Get<SiloStorageOptions>() ?? new SiloStorageOptions();
        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            storage.ConnectionString = configuration.GetConnectionString("Actors");
        }

        var result = new SiloStorageOptionsValidator().Validate(null, storage);
        if (result.Failed)
        {
            throw new OptionsValidationException(SiloStorageOptions.SectionName, typeof(SiloStorageOptions), result.Failures);
        }

        return storage;
    }
}

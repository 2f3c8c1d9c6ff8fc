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
    /// <summary>Adds the silo (runtime, grains, storage) and the API services to the web application.</summary>
    /// <exception cref="OptionsValidationException">The storage settings are invalid.</exception>
    public static WebApplicationBuilder AddActorsSiloHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var storage = ReadStorageOptions(builder.Configuration);
        builder.Services.AddSingleton(Options.Create(storage));
        builder.UseActorsSilo(silo =>
        {
            silo.AddGrains(typeof(HealthProbeGrain).Assembly);
            silo.AddJsonTypeInfoResolver(GrainInterfacesJsonContext.Default);
            if (storage.Provider == StorageProvider.PostgreSql)
            {
                silo.UsePostgreSql(storage.ConnectionString!);
            }
        });
        builder.Services.AddHostedService<StorageAnnouncement>();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<GrainCallExceptionHandler>();
        builder.Services.AddHealthChecks().AddCheck<GrainCallHealthCheck>("grain-call");
        return builder;
    }

    /// <summary>Reads and validates the storage settings now: the choice decides which services are registered.</summary>
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

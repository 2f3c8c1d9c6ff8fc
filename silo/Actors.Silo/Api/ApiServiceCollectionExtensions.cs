using System.Text.Json.Serialization;
using Actors.GrainInterfaces.Serialization;
using Actors.Silo.Endpoints.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Actors.Silo.Api;

/// <summary>Registers what the jobs and nodes endpoints need.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds the API's options (section <c>Actors:Api</c>, validated at start), its JSON settings (camelCase, string
    /// enums, the grain interfaces' source-generated contracts), the OpenAPI document and the job submitter. Idempotent.
    /// The job store (<c>IJobStore</c>) is registered by the silo host, not here.
    /// </summary>
    public static IServiceCollection AddActorsApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(JobSubmitter)))
        {
            return services;
        }

        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NodeStatusCache>();
        services.TryAddSingleton<JobSubmitter>();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, GrainInterfacesJsonContext.Default);
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddOpenApi();
        return services;
    }
}

using Actors.Grains.Jobs.Executors;
using Actors.Grains.Jobs.Scheduling;
using Actors.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the job grains need: their settings, the executor node's start, and an in-memory job store unless another is registered.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the job services. Settings come from <c>Actors:Jobs</c> and <c>Actors:Executor</c>. The container runtime
    /// (<c>IContainerRuntime</c>) must be registered by the host (the Docker adapter).
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<JobSchedulerOptions>().BindConfiguration(JobSchedulerOptions.SectionName).ValidateOnStart();
        services.AddOptions<ExecutorOptions>().BindConfiguration(ExecutorOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobSchedulerOptions>, JobSchedulerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExecutorOptions>, ExecutorOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, ExecutorNodeActivator>());
        services.AddInMemoryJobStore();
        return services;
    }
}

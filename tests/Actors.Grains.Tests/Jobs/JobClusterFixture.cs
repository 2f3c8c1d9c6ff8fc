using System.Text;
using Actors.GrainInterfaces.Jobs;
using Actors.GrainInterfaces.Serialization;
using Actors.Grains.Containers;
using Actors.Grains.Jobs.Storage;
using Actors.Runtime.Hosting;
using Actors.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Grains.Tests.Jobs;

/// <summary>In-process silos running the job grains on one shared job store and a scripted container runtime per test.</summary>
public abstract class JobClusterTestBase : IAsyncLifetime
{
    private static readonly TimeSpan FinishTimeout = TimeSpan.FromSeconds(30);

    internal ScriptedContainerRuntime Runtime { get; } = new();

    internal IJobStore Store { get; private set; } = null!;

    protected TestCluster Cluster { get; private set; } = null!;

    protected IGrainFactory Grains => Cluster.GrainFactory;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected virtual int Silos => 1;

    public async ValueTask InitializeAsync()
    {
        var store = new InMemoryJobStore();
        Store = store;
        var options = new TestClusterOptions { InitialSilos = Silos };
        options.Configuration["Actors:Jobs:RetryBackoff"] = "00:00:00.050";
        options.Configuration["Actors:Jobs:MaxRetryBackoff"] = "00:00:00.200";
        options.Configuration["Actors:Jobs:SweepPeriod"] = "00:00:00.200";
        options.Configuration["Actors:Jobs:NodeReportTimeout"] = "00:00:02";
        options.Configuration["Actors:Executor:ReportPeriod"] = "00:00:00.200";
        options.Configuration["Actors:Executor:Slots"] = "4";
        Configure(options);
        options.ConfigureSilo = silo =>
        {
            silo.AddGrains(typeof(IContainerRuntime).Assembly);
            silo.AddJsonTypeInfoResolver(GrainInterfacesJsonContext.Default);
        };
        options.ConfigureServices = services =>
        {
            services.AddSingleton<IJobStore>(store);
            services.AddSingleton<IContainerRuntime>(Runtime);
            services.AddJobs();
        };
        Cluster = await TestCluster.StartAsync(options, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual void Configure(TestClusterOptions options)
    {
    }

    internal static JobSpec Spec(string image, string input = "", int retries = 2, bool retryOnFailure = false, string submitter = "tester", int timeoutSeconds = 30) =>
        new(image, null, null, Encoding.UTF8.GetByteCount(input), Encoding.UTF8.GetBytes(input), timeoutSeconds, 0.5, 64, retries, retryOnFailure, null, submitter, null);

    protected async Task<JobSnapshot> SubmitAsync(string id, JobSpec spec)
    {
        var result = await Grains.GetGrain<ITaskGrain>(id).SubmitAsync(spec);
        Assert.Equal(SubmitResultKind.Accepted, result.Kind);
        return result.Job!;
    }

    /// <summary>Follows the job's versions until it is final.</summary>
    protected async Task<JobSnapshot> WaitFinalAsync(string id)
    {
        var task = Grains.GetGrain<ITaskGrain>(id);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        deadline.CancelAfter(FinishTimeout);
        var job = await task.GetAsync() ?? throw new InvalidOperationException($"Job {id} does not exist.");
        while (!job.Status.IsFinal())
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Job {id} did not finish in {FinishTimeout}: {System.Text.Json.JsonSerializer.Serialize(job, GrainInterfacesJsonContext.Default.JobSnapshot)}");
            }

            job = await task.WatchAsync(job.Version, TimeSpan.FromSeconds(5)) ?? throw new InvalidOperationException($"Job {id} vanished.");
        }

        return job;
    }

    /// <summary>Waits until the job reaches <paramref name="status"/>.</summary>
    protected async Task<JobSnapshot> WaitStatusAsync(string id, JobStatus status)
    {
        JobSnapshot? job = null;
        await Poll.UntilAsync(async () => (job = await Grains.GetGrain<ITaskGrain>(id).GetAsync())?.Status == status, FinishTimeout, $"job {id} to be {status}", Cancel);
        return job!;
    }
}

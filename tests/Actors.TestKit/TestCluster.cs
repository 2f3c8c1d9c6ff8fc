using System.Globalization;
using Actors.Runtime.Directory;
using Actors.Runtime.Membership;
using Actors.Runtime.Reminders;
using Microsoft.Extensions.Configuration;
using Actors.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.TestKit;

/// <summary>
/// Silos started in this process, each a real host with the full runtime, sharing one cluster id and one
/// storage (in-memory stores shared between them, or a PostgreSQL database configured through
/// <see cref="TestClusterOptions.ConfigureSilo"/>). Dispose stops them gracefully.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly List<TestSilo> _silos = [];
    private readonly InMemoryGrainStore _sharedStore = new();
    private readonly InMemoryReminderTable _sharedReminders = new();
    private readonly InMemoryMembershipTable _sharedMembership = new();
    private readonly InMemoryGrainDirectory _sharedDirectory = new();
    private int _nextIndex;

    private TestCluster(TestClusterOptions options)
    {
        Options = options;
    }

    public TestClusterOptions Options { get; }

    public IReadOnlyList<TestSilo> Silos => _silos;

    /// <summary>The first running silo's grain factory.</summary>
    public IGrainFactory GrainFactory => _silos[0].GrainFactory;

    public static async Task<TestCluster> StartAsync(TestClusterOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cluster = new TestCluster(options);
        try
        {
            for (var i = 0; i < options.InitialSilos; i++)
            {
                await cluster.StartSiloAsync(cancellationToken);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public async Task<TestSilo> StartSiloAsync(CancellationToken cancellationToken = default)
    {
        var index = _nextIndex++;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Actors:Silo:ClusterId"] = Options.ClusterId,
            ["Actors:Silo:NodeName"] = "node" + index.ToString(CultureInfo.InvariantCulture),
            ["Actors:Silo:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Actors:Silo:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        });
        builder.Configuration.AddInMemoryCollection(Options.Configuration);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);

        // In-memory providers behave like one shared database across the cluster's silos.
        builder.Services.AddSingleton(_sharedStore);
        builder.Services.AddSingleton(_sharedReminders);
        builder.Services.AddSingleton<IMembershipTable>(_sharedMembership);
        builder.Services.AddSingleton<IGrainDirectory>(_sharedDirectory);
        Options.ConfigureServices?.Invoke(builder.Services);
        builder.UseActorsSilo(silo => Options.ConfigureSilo?.Invoke(silo));

        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var silo = new TestSilo(host, index);
        _silos.Add(silo);
        await WaitForMembershipAsync(cancellationToken);
        return silo;
    }

    /// <summary>Stops a silo gracefully (its activations deactivate) and removes it from the cluster.</summary>
    public async Task StopSiloAsync(TestSilo silo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silo);
        _silos.Remove(silo);
        await silo.Host.StopAsync(cancellationToken);
        silo.Host.Dispose();
        await WaitForMembershipAsync(cancellationToken);
    }

    /// <summary>
    /// Waits until every running silo's membership view has exactly the running silos active (views refresh
    /// periodically, so a silo that started first learns of later ones a moment after they joined).
    /// </summary>
    public async Task WaitForMembershipAsync(CancellationToken cancellationToken = default)
    {
        var expected = _silos.Select(s => s.Address).Order().ToList();
        await Poll.UntilAsync(
            () => _silos.All(s => s.Services.GetRequiredService<IClusterMembershipService>().CurrentView.ActiveSilos.SequenceEqual(expected)),
            TimeSpan.FromSeconds(30),
            $"every silo to see {expected.Count} active silos",
            cancellationToken);
    }

    /// <summary>Stops a silo and starts a new one in its place (a new process generation, same storage).</summary>
    public async Task<TestSilo> RestartSiloAsync(TestSilo silo, CancellationToken cancellationToken = default)
    {
        await StopSiloAsync(silo, cancellationToken);
        return await StartSiloAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.ToArray().Reverse())
        {
            await StopSiloAsync(silo);
        }
    }
}

using Actors.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.TestKit;

/// <summary>How a <see cref="TestCluster"/> is made.</summary>
public sealed class TestClusterOptions
{
    /// <summary>Silos started by <see cref="TestCluster.StartAsync"/>. Default 1.</summary>
    public int InitialSilos { get; set; } = 1;

    /// <summary>A fresh id per cluster isolates its state and reminders from other tests in the same database.</summary>
    public string ClusterId { get; set; } = "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Configuration keys (for example <c>Actors:Activations:CollectionAge</c>) applied to every silo.</summary>
    public Dictionary<string, string?> Configuration { get; } = [];

    /// <summary>Configures every silo (grain classes, storage, filters).</summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; set; }

    /// <summary>Registers extra services in every silo.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }
}

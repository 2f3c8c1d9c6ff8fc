using Actors.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.TestKit;

/// <summary>One in-process silo of a <see cref="TestCluster"/>.</summary>
public sealed class TestSilo(IHost host, int index)
{
    public IHost Host { get; } = host;

    public int Index { get; } = index;

    public IServiceProvider Services => Host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public override string ToString() => $"silo {Index} ({Address})";
}

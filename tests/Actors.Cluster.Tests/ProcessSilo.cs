using Actors.TestKit.Processes;

namespace Actors.Cluster.Tests;

/// <summary>One silo process of a <see cref="ProcessCluster"/>.</summary>
internal sealed class ProcessSilo(SiloProcess process, string nodeName, int siloPort, int gatewayPort)
{
    public SiloProcess Process { get; } = process;

    public string NodeName { get; } = nodeName;

    public int SiloPort { get; } = siloPort;

    public int GatewayPort { get; } = gatewayPort;

    /// <summary>True when <paramref name="siloAddress"/> (as grains report it, "host:port@generation") is this silo.</summary>
    public bool Is(string siloAddress) => siloAddress.StartsWith("127.0.0.1:" + SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@", StringComparison.Ordinal);

    public override string ToString() => $"{NodeName} (pid {Process.Pid})";
}

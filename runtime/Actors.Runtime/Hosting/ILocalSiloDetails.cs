namespace Actors.Runtime.Hosting;

/// <summary>Who this silo is.</summary>
public interface ILocalSiloDetails
{
    /// <summary>The silo's address (its silo endpoint and generation).</summary>
    SiloAddress SiloAddress { get; }

    /// <summary>The cluster this silo belongs to.</summary>
    string ClusterId { get; }

    /// <summary>The node (VM) this silo runs on; node-pinned grains keyed by this name live here.</summary>
    string NodeName { get; }

    /// <summary>The port cluster clients connect to on the silo's address.</summary>
    int GatewayPort { get; }

    /// <summary>A readable name for logs.</summary>
    string SiloName { get; }
}

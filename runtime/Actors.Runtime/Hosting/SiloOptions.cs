using System.ComponentModel.DataAnnotations;

namespace Actors.Runtime.Hosting;

/// <summary>Who the silo is and where it listens (configuration section <c>Actors:Silo</c>).</summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Actors:Silo";

    /// <summary>Names the cluster: silos with the same id and storage form one cluster. Default "dev".</summary>
    [Required(ErrorMessage = "is required.")]
    [RegularExpression(NamePattern, ErrorMessage = NameRule)]
    public string ClusterId { get; set; } = "dev";

    /// <summary>The node (VM) this silo runs on: grains pinned to a node name live on its silo. Default the machine name.</summary>
    [Required(ErrorMessage = "is required.")]
    [RegularExpression(NamePattern, ErrorMessage = NameRule)]
    public string NodeName { get; set; } = Environment.MachineName.ToLowerInvariant();

    /// <summary>The address other silos and clients reach this silo at. Default 127.0.0.1 (loopback only).</summary>
    [Required(ErrorMessage = "is required.")]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>The silo-to-silo TCP port. Default 11111.</summary>
    [Range(1, 65535, ErrorMessage = "must be a TCP port, 1-65535.")]
    public int SiloPort { get; set; } = 11111;

    /// <summary>The TCP port cluster clients connect to. Default 30000.</summary>
    [Range(1, 65535, ErrorMessage = "must be a TCP port, 1-65535.")]
    public int GatewayPort { get; set; } = 30000;

    private const string NamePattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$";
    private const string NameRule = "must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit.";
}

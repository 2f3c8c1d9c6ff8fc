namespace Actors.Silo.Hosting;

/// <summary>Storage settings (configuration section <c>Actors:Storage</c>).</summary>
public sealed class SiloStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Actors:Storage";

    /// <summary>Memory (default) or PostgreSql.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>The Npgsql connection string; required for PostgreSql (also read from <c>ConnectionStrings:Actors</c>).</summary>
    public string? ConnectionString { get; set; }
}

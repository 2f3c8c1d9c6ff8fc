namespace Actors.Grains.Jobs.Executors;

/// <summary>The labels an executor node puts on every container, so a restarted node finds and removes its orphans.</summary>
internal static class ContainerLabels
{
    /// <summary>Marks containers of this product.</summary>
    public const string Managed = "io.actors.managed";

    /// <summary>The executor node that started it.</summary>
    public const string Node = "io.actors.node";

    /// <summary>The job.</summary>
    public const string Job = "io.actors.job";

    /// <summary>The attempt number.</summary>
    public const string Attempt = "io.actors.attempt";
}

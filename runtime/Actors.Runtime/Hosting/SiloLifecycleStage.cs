namespace Actors.Runtime.Hosting;

/// <summary>
/// The ordered stages a silo starts through (and stops through in reverse). Gaps leave room for stages in between.
/// </summary>
public static class SiloLifecycleStage
{
    /// <summary>Serializers, registries: nothing that does I/O.</summary>
    public const int RuntimeInitialize = 2000;

    /// <summary>Storage: schema created or upgraded.</summary>
    public const int RuntimeStorage = 4000;

    /// <summary>Catalog, messaging, idle collection.</summary>
    public const int RuntimeServices = 6000;

    /// <summary>Membership: the silo joins the cluster.</summary>
    public const int Membership = 8000;

    /// <summary>Services that grains use: reminders.</summary>
    public const int ApplicationServices = 10000;

    /// <summary>The silo is serving: gateway open, APIs answer.</summary>
    public const int Active = 20000;
}

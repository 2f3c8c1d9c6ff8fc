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

    /// <summary>Silo-to-silo connections: the listener opens (others probe it while it joins) and closes last.</summary>
    public const int RuntimeMessaging = 5000;

    /// <summary>On stop, after the activations were handed back: the silo's row becomes Dead.</summary>
    public const int MembershipLeave = 5500;

    /// <summary>Catalog and idle collection; on stop, every activation is deactivated.</summary>
    public const int RuntimeServices = 6000;

    /// <summary>Membership: the silo joins the cluster (Joining, connectivity check, Active); on stop it becomes ShuttingDown.</summary>
    public const int Membership = 8000;

    /// <summary>Services that grains use: reminders.</summary>
    public const int ApplicationServices = 10000;

    /// <summary>The silo is serving: gateway open, APIs answer.</summary>
    public const int Active = 20000;
}

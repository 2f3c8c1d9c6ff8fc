namespace Actors.GrainInterfaces.Coordination.Discovery;

/// <summary>How a registration ended.</summary>
public enum ServiceRegistrationOutcome
{
    /// <summary>Registered (new).</summary>
    Registered,

    /// <summary>Replaced the instance with the same id.</summary>
    Updated,

    /// <summary>Its session is unknown or has ended; nothing was registered.</summary>
    SessionUnknown,
}

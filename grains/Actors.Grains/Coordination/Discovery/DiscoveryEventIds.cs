namespace Actors.Grains.Coordination.Discovery;

/// <summary>Stable event ids of the service discovery grain's logs (7370-7389 of the coordination range 7300-7399).</summary>
internal static class DiscoveryEventIds
{
    public const int InstanceRegistered = 7370;
    public const int InstanceDeregistered = 7371;
    public const int StatusChanged = 7372;
    public const int SessionInstancesRemoved = 7373;
    public const int CriticalInstanceRemoved = 7374;
    public const int StateConflict = 7375;
    public const int SessionAttachFailed = 7376;
}

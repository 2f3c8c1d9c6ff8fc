namespace Actors.Grains.Coordination.Elections;

/// <summary>Stable event ids of the election grain's logs (7330-7349).</summary>
internal static class ElectionEventIds
{
    public const int Elected = 7330;
    public const int Resigned = 7331;
    public const int LeaderSessionEnded = 7332;
    public const int PersistFailed = 7333;
    public const int RefreshFailed = 7334;
}

namespace Actors.Grains.Coordination.Sessions;

/// <summary>Stable event ids of the session grain's logs (7300-7309).</summary>
internal static class SessionEventIds
{
    public const int Created = 7300;
    public const int Ended = 7301;
    public const int NotifyFailed = 7302;
    public const int ClearFailed = 7303;
}

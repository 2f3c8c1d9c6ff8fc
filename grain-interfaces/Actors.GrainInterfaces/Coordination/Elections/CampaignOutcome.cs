namespace Actors.GrainInterfaces.Coordination.Elections;

/// <summary>How a campaign ended.</summary>
public enum CampaignOutcome
{
    /// <summary>The caller leads now.</summary>
    Elected,

    /// <summary>Not elected within the wait; the candidacy was withdrawn.</summary>
    TimedOut,

    /// <summary>The session is unknown or has ended (also while campaigning).</summary>
    SessionUnknown,
}

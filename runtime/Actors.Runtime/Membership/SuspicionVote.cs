namespace Actors.Runtime.Membership;

/// <summary>A silo's vote that another silo is dead, with when it was cast (old votes expire).</summary>
public sealed record SuspicionVote(SiloAddress Voter, DateTimeOffset Time);

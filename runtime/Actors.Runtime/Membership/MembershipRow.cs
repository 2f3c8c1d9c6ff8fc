namespace Actors.Runtime.Membership;

/// <summary>A membership entry as read, with the row's own version for conditional updates.</summary>
public sealed record MembershipRow(MembershipEntry Entry, string ETag);

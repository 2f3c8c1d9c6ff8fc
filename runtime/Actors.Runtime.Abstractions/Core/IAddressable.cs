namespace Actors;

/// <summary>Something a message can be addressed to: every grain interface extends this.</summary>
public interface IAddressable;

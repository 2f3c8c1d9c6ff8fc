namespace Actors;

/// <summary>A grain identified by a 64-bit integer.</summary>
public interface IGrainWithIntegerKey : IGrain;

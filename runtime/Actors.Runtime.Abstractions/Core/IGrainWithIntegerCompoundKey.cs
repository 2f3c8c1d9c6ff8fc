namespace Actors;

/// <summary>A grain identified by a 64-bit integer plus a string extension.</summary>
public interface IGrainWithIntegerCompoundKey : IGrain;

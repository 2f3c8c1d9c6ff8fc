namespace Actors;

/// <summary>A grain identified by a <see cref="Guid"/> plus a string extension.</summary>
public interface IGrainWithGuidCompoundKey : IGrain;

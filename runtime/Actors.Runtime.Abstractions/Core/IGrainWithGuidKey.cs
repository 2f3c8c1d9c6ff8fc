namespace Actors;

/// <summary>A grain identified by a <see cref="Guid"/>.</summary>
public interface IGrainWithGuidKey : IGrain;

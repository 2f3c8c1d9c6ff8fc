namespace Actors;

/// <summary>A grain identified by a string.</summary>
public interface IGrainWithStringKey : IGrain;

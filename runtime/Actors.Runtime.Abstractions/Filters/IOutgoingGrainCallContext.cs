namespace Actors.Filters;

/// <summary>A call leaving a grain or client through a grain reference.</summary>
public interface IOutgoingGrainCallContext : IGrainCallContext;

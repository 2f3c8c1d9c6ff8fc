namespace Actors;

/// <summary>Marker for grain interfaces. Use one of the keyed forms (for example <see cref="IGrainWithStringKey"/>).</summary>
public interface IGrain : IAddressable;

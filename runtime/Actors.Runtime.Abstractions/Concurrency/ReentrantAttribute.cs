namespace Actors;

/// <summary>
/// A grain class whose activation may start a new request while another awaits. Turns still never run in
/// parallel: only the interleaving at await points is allowed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;

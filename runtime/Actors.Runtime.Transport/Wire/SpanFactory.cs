namespace Actors.Transport;

/// <summary>Builds a value from its encoded bytes (the miss path of a <see cref="WireInternTable{T}"/>).</summary>
internal delegate T SpanFactory<out T>(ReadOnlySpan<byte> bytes);

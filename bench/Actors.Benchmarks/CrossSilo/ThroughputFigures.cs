using Actors.Benchmarks.Grains.Measurement;

namespace Actors.Benchmarks.CrossSilo;

/// <summary>The median round of one load shape, cross-silo and in-silo, measured in the same run.</summary>
/// <param name="Callers">Concurrent callers.</param>
/// <param name="CrossSilo">The median cross-silo round.</param>
/// <param name="CrossSiloCpuMicrosPerCall">CPU time both silos used during that round, per completed call, µs.</param>
/// <param name="InSilo">The median in-silo round.</param>
/// <param name="RawTcp">The median round of the raw loopback TCP round trip (<see cref="TcpEchoBaseline"/>); sequential only.</param>
internal sealed record ThroughputFigures(int Callers, LoadResult CrossSilo, double CrossSiloCpuMicrosPerCall, LoadResult InSilo, LoadResult? RawTcp);

namespace Actors.TestKit.Processes;

/// <summary>A silo process a <see cref="SiloProcessGroup{TSilo}"/> started, with the node name and ports it gave it.</summary>
/// <param name="Process">The process.</param>
/// <param name="NodeName">Its node name.</param>
/// <param name="SiloPort">Its silo-to-silo port.</param>
/// <param name="GatewayPort">Its client gateway port.</param>
public sealed record StartedSilo(SiloProcess Process, string NodeName, int SiloPort, int GatewayPort);

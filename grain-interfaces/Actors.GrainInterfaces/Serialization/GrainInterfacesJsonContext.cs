using System.Text.Json.Serialization;
using Actors.GrainInterfaces.Health;

namespace Actors.GrainInterfaces.Serialization;

/// <summary>
/// Source-generated System.Text.Json contracts for the records the grain interfaces exchange: no reflection when
/// they cross the wire or go to storage. Silos and clients register it (SiloBuilderExtensions.AddJsonTypeInfoResolver).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HealthProbeResult))]
public sealed partial class GrainInterfacesJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;
using Actors.GrainInterfaces.Health;
using Actors.GrainInterfaces.Jobs;

namespace Actors.GrainInterfaces.Serialization;

/// <summary>
/// Source-generated System.Text.Json contracts for the records the grain interfaces exchange: no reflection when
/// they cross the wire or go to storage. Silos and clients register it (SiloBuilderExtensions.AddJsonTypeInfoResolver).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(HealthProbeResult))]
[JsonSerializable(typeof(JobSpec))]
[JsonSerializable(typeof(JobSnapshot))]
[JsonSerializable(typeof(JobAttempt))]
[JsonSerializable(typeof(AttemptResult))]
[JsonSerializable(typeof(SubmitResult))]
[JsonSerializable(typeof(CancelResult))]
[JsonSerializable(typeof(JobAssignment))]
[JsonSerializable(typeof(JobDemand))]
[JsonSerializable(typeof(NodeCapacity))]
[JsonSerializable(typeof(NodeStatus))]
[JsonSerializable(typeof(RunningJob))]
[JsonSerializable(typeof(SchedulerStatus))]
[JsonSerializable(typeof(QueueReservation))]
[JsonSerializable(typeof(StartAttemptResult))]
[JsonSerializable(typeof(JobStatus))]
[JsonSerializable(typeof(AttemptOutcome))]
[JsonSerializable(typeof(SubmitResultKind))]
[JsonSerializable(typeof(IReadOnlyList<NodeStatus>))]
public sealed partial class GrainInterfacesJsonContext : JsonSerializerContext;

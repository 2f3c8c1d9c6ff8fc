using System.Text.Json.Serialization;
using Actors.GrainInterfaces.Coordination.Discovery;
using Actors.GrainInterfaces.Coordination.Elections;
using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.GrainInterfaces.Coordination.Locks;
using Actors.GrainInterfaces.Coordination.Sessions;
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
[JsonSerializable(typeof(SessionInfo))]
[JsonSerializable(typeof(SessionBinding))]
[JsonSerializable(typeof(SessionBindingKind))]
[JsonSerializable(typeof(LockRequest))]
[JsonSerializable(typeof(SemaphoreRequest))]
[JsonSerializable(typeof(LockGrant))]
[JsonSerializable(typeof(LockOutcome))]
[JsonSerializable(typeof(LockMode))]
[JsonSerializable(typeof(LockHolder))]
[JsonSerializable(typeof(LockWaiter))]
[JsonSerializable(typeof(LockInfo))]
[JsonSerializable(typeof(CampaignResult))]
[JsonSerializable(typeof(CampaignOutcome))]
[JsonSerializable(typeof(LeaderInfo))]
[JsonSerializable(typeof(ElectionState))]
[JsonSerializable(typeof(KvPut))]
[JsonSerializable(typeof(KvEntry))]
[JsonSerializable(typeof(KvWriteOutcome))]
[JsonSerializable(typeof(KvWriteResult))]
[JsonSerializable(typeof(KvGetResult))]
[JsonSerializable(typeof(KvRangeResult))]
[JsonSerializable(typeof(KvEventType))]
[JsonSerializable(typeof(KvEvent))]
[JsonSerializable(typeof(KvWatchRequest))]
[JsonSerializable(typeof(KvWatchBatch))]
[JsonSerializable(typeof(ServiceRegistration))]
[JsonSerializable(typeof(HealthCheck))]
[JsonSerializable(typeof(HealthStatus))]
[JsonSerializable(typeof(ServiceInstance))]
[JsonSerializable(typeof(ServiceSnapshot))]
[JsonSerializable(typeof(ServiceRegistrationOutcome))]
public sealed partial class GrainInterfacesJsonContext : JsonSerializerContext;

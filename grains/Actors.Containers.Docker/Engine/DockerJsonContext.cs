using System.Text.Json.Serialization;

namespace Actors.Containers.Docker.Engine;

/// <summary>Source-generated JSON (de)serialization of the engine's request and response bodies.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ContainerCreateBody))]
[JsonSerializable(typeof(ContainerCreateResponse))]
[JsonSerializable(typeof(ContainerWaitResponse))]
[JsonSerializable(typeof(ContainerInspectResponse))]
[JsonSerializable(typeof(List<ContainerListItem>))]
[JsonSerializable(typeof(List<ImageListItem>))]
[JsonSerializable(typeof(VersionResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(PullProgressMessage))]
[JsonSerializable(typeof(Dictionary<string, string[]>))]
internal sealed partial class DockerJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Client.Http;

/// <summary>Source-generated JSON contracts of the HTTP client's own types (the job records come from the grain interfaces' context).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JobSubmission))]
[JsonSerializable(typeof(JobList))]
[JsonSerializable(typeof(NodeList))]
internal sealed partial class ActorsHttpJsonContext : JsonSerializerContext;

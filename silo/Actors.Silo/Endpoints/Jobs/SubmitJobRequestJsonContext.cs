using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>
/// Parses <see cref="SubmitJobRequest"/> strictly: camelCase (case-insensitive) names, and an unknown or repeated
/// property is an error rather than silently ignored, so a typo such as <c>timeout</c> is reported.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    MaxDepth = 16)]
[JsonSerializable(typeof(SubmitJobRequest))]
internal sealed partial class SubmitJobRequestJsonContext : JsonSerializerContext;

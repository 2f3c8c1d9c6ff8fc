using System.Text.Json;
using System.Text.Json.Serialization;
using Actors.Silo.Endpoints.Coordination.Discovery;
using Actors.Silo.Endpoints.Coordination.Elections;
using Actors.Silo.Endpoints.Coordination.Sessions;

namespace Actors.Silo.Endpoints.Coordination;

/// <summary>
/// Parses the coordination API's JSON bodies strictly: camelCase (case-insensitive) names, and an unknown or repeated
/// property is an error rather than silently ignored.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    MaxDepth = 16)]
[JsonSerializable(typeof(CreateSessionRequest))]
[JsonSerializable(typeof(CampaignRequest))]
[JsonSerializable(typeof(ResignRequest))]
[JsonSerializable(typeof(ProclaimRequest))]
[JsonSerializable(typeof(RegisterInstanceRequest))]
internal sealed partial class CoordinationJsonContext : JsonSerializerContext;

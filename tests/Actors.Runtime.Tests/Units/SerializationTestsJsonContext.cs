using System.Text.Json.Serialization;
using Actors.Runtime.Tests.Grains;

namespace Actors.Runtime.Tests.Units;

/// <summary>A source-generated context for one test type, to show the serializer consults registered contexts first.</summary>
[JsonSerializable(typeof(ImmutableBag))]
internal sealed partial class SerializationTestsJsonContext : JsonSerializerContext;

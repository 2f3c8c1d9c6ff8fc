namespace Actors.Silo.Endpoints.Coordination;

/// <summary>Stable log event ids of the coordination API (range 5300-5399 of the silo's 5000-5999).</summary>
internal static class CoordinationApiEventIds
{
    public const int StreamFailed = 5300;
}

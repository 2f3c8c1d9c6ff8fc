namespace Actors.Silo.Hosting;

/// <summary>Stable log event ids of the silo host (range 5000-5999; the runtime uses 1000-1999).</summary>
internal static class SiloEventIds
{
    public const int InMemoryStorage = 5000;
    public const int PostgreSqlStorage = 5001;
    public const int UnhandledRequestError = 5100;
}

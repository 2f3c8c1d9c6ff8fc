using Actors.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>The runtime's own JSON serializer, taken from a silo's service container (its implementation is internal to the runtime).</summary>
internal static class TestSerializer
{
    private static readonly Lazy<ISerializer> Shared = new(static () =>
    {
        // Never disposed: it lives for the test run, like the serializer of a silo.
        var services = new ServiceCollection().AddLogging().AddActorsSilo(new ConfigurationBuilder().Build()).BuildServiceProvider();
        return services.GetRequiredService<ISerializer>();
    });

    public static ISerializer Instance => Shared.Value;
}

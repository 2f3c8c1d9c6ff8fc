using Actors.GrainInterfaces.Serialization;
using Actors.Transport.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actors.Silo.Tests;

public sealed class SerializationWiringTests(SiloApiFactory factory) : IClassFixture<SiloApiFactory>
{
    [Fact]
    public void Silo_RegistersTheSourceGeneratedContextOfTheGrainInterfaces()
    {
        var options = factory.Services.GetRequiredService<IOptions<SerializationOptions>>().Value;

        Assert.Contains(GrainInterfacesJsonContext.Default, options.TypeInfoResolvers);
    }
}

using Actors.TestKit;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Tests;

/// <summary>A malformed configuration stops the silo at start with a message naming the setting.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Actors:Silo:ClusterId", "has spaces", "ClusterId")]
    [InlineData("Actors:Silo:NodeName", "", "NodeName")]
    [InlineData("Actors:Silo:AdvertisedAddress", "not-an-ip", "AdvertisedAddress")]
    [InlineData("Actors:Messaging:ResponseTimeout", "-00:00:01", "ResponseTimeout")]
    [InlineData("Actors:Activations:CollectionAge", "00:00:00", "CollectionAge")]
    [InlineData("Actors:Reminders:MinimumPeriod", "00:00:00", "MinimumPeriod")]
    public async Task InvalidSetting_FailsStart_NamingTheSetting(string key, string value, string named)
    {
        var start = RuntimeTestCluster.StartAsync(new Probe(), o => o.Configuration[key] = value);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => start);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SamePortForSiloAndGateway_FailsStart()
    {
        var start = RuntimeTestCluster.StartAsync(new Probe(), o =>
        {
            o.Configuration["Actors:Silo:SiloPort"] = "40001";
            o.Configuration["Actors:Silo:GatewayPort"] = "40001";
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => start);

        Assert.Contains("must differ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnparsableValue_FailsStart_NamingTheSetting()
    {
        var start = RuntimeTestCluster.StartAsync(new Probe(), o => o.Configuration["Actors:Silo:SiloPort"] = "eleven");

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => start);

        Assert.Contains("SiloPort", error.ToString(), StringComparison.Ordinal);
    }
}

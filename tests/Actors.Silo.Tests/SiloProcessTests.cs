using Actors.TestKit;
using Actors.TestKit.Processes;

namespace Actors.Silo.Tests;

/// <summary>The silo as a real process: bad configuration fails the start readably; SIGTERM stops it cleanly.</summary>
public sealed class SiloProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("Actors__Silo__ClusterId", "has spaces", "[Actors:Silo] ClusterId")]
    [InlineData("Actors__Silo__SiloPort", "70000", "[Actors:Silo] SiloPort")]
    [InlineData("Actors__Storage__Provider", "PostgreSql", "Actors:Storage:ConnectionString")]
    [InlineData("Actors__Storage__Provider", "Oracle", "Actors:Storage:Provider")]
    [InlineData("Actors__Messaging__ResponseTimeout", "soon", "Actors:Messaging:ResponseTimeout")]
    public async Task InvalidConfiguration_ExitsWithCode2_AndNamesTheSetting(string variable, string value, string named)
    {
        await using var silo = SiloProcess.Start(Settings(("Actors__Silo__ClusterId", "cfg-test"), (variable, value)));

        var exitCode = await silo.WaitForExitAsync(StartTimeout);

        Assert.Equal(2, exitCode);
        Assert.Contains("The silo did not start: its configuration is invalid.", silo.Output, StringComparison.Ordinal);
        Assert.Contains(named, silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_StopsTheSiloGracefully()
    {
        await using var silo = SiloProcess.Start(Settings(("Actors__Silo__ClusterId", "sigterm-" + Guid.NewGuid().ToString("N")[..6])));
        await silo.WaitUntilHealthyAsync(StartTimeout, TestContext.Current.CancellationToken);

        silo.Terminate();

        Assert.Equal(0, await silo.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("stopped", silo.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Settings(params (string Key, string Value)[] pairs)
    {
        var settings = new Dictionary<string, string>
        {
            ["Actors__Silo__SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Actors__Silo__GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in pairs)
        {
            settings[key] = value;
        }

        return settings;
    }
}

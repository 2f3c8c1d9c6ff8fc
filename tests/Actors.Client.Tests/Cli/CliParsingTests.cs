using System.CommandLine;
using Actors.Cli;

namespace Actors.Client.Tests.Cli;

/// <summary>The command tree parsed without running anything.</summary>
public sealed class CliParsingTests
{
    private static ParseResult Parse(string commandLine, Dictionary<string, string>? environment = null)
    {
        using var harness = new CliHarness(_ => throw new InvalidOperationException("Parsing must not call the API."));
        foreach (var (name, value) in environment ?? [])
        {
            harness.Environment[name] = value;
        }

        return ActorsCli.BuildRootCommand(harness.Context).Parse(commandLine);
    }

    [Fact]
    public void Submit_TakesImageOptionsAndTheCommandAfterDoubleDash()
    {
        var result = Parse("submit busybox:1.36 --input - --wait --timeout 30 --label team=a -l tier=gold -e A=1 -k order-7 -- sh -c \"echo -n hi\"");

        Assert.Empty(result.Errors);
        Assert.Equal("submit", result.CommandResult.Command.Name);
        Assert.Equal("busybox:1.36", result.GetValue<string>("image"));
        Assert.Equal(["sh", "-c", "echo -n hi"], result.GetValue<string[]>("command") ?? []);
        Assert.Equal("-", result.GetValue<string>("--input"));
        Assert.True(result.GetValue<bool>("--wait"));
        Assert.Equal(30, result.GetValue<int?>("--timeout"));
        Assert.Equal(["team=a", "tier=gold"], result.GetValue<string[]>("--label") ?? []);
        Assert.Equal(["A=1"], result.GetValue<string[]>("--env") ?? []);
        Assert.Equal("order-7", result.GetValue<string>("--idempotency-key"));
    }

    [Fact]
    public void Submit_WithoutCommand_HasNone()
    {
        var result = Parse("submit busybox");

        Assert.Empty(result.Errors);
        Assert.Empty(result.GetValue<string[]>("command") ?? []);
        Assert.False(result.GetValue<bool>("--wait"));
        Assert.Null(result.GetValue<int?>("--timeout"));
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("submit busybox --label nokey")]
    [InlineData("submit busybox --label =v")]
    [InlineData("submit busybox --env NOVALUE")]
    [InlineData("submit busybox --timeout soon")]
    [InlineData("submit busybox --bogus")]
    [InlineData("status")]
    [InlineData("status a b")]
    [InlineData("output")]
    [InlineData("cancel")]
    [InlineData("nodes extra")]
    [InlineData("frobnicate")]
    [InlineData("")]
    [InlineData("status j-1 --url ftp://example")]
    [InlineData("status j-1 --url not-a-url")]
    [InlineData("submit busybox ls -la")]
    public void BadCommandLines_AreParseErrors(string commandLine) => Assert.NotEmpty(ActorsCli.Errors(Parse(commandLine)));

    [Fact]
    public void Submit_DashedWordsAfterDoubleDash_AreTheCommand()
    {
        var result = Parse("submit busybox --wait -- --bogus -la --wait");

        Assert.Empty(ActorsCli.Errors(result));
        Assert.Equal(["--bogus", "-la", "--wait"], result.GetValue<string[]>("command") ?? []);
        Assert.True(result.GetValue<bool>("--wait"));
    }

    [Fact]
    public void Submit_DashValuesOfOptions_AreNotMistakenForTheCommand()
    {
        var result = Parse("submit busybox --input - echo hi");

        Assert.Empty(ActorsCli.Errors(result));
        Assert.Equal(["echo", "hi"], result.GetValue<string[]>("command") ?? []);
    }

    [Fact]
    public void Url_DefaultsToTheLoopbackSilo()
    {
        Assert.Equal(GlobalOptions.DefaultUrl, Parse("status j-1").GetValue<string>("--url"));
    }

    [Fact]
    public void Url_ComesFromTheEnvironmentUnlessGiven()
    {
        var environment = new Dictionary<string, string> { ["ACTORS_URL"] = "http://127.0.0.2:6000" };

        Assert.Equal("http://127.0.0.2:6000", Parse("status j-1", environment).GetValue<string>("--url"));
        Assert.Equal("http://127.0.0.3:7000", Parse("status j-1 --url http://127.0.0.3:7000", environment).GetValue<string>("--url"));
        Assert.Equal("http://127.0.0.3:7000", Parse("--url http://127.0.0.3:7000 nodes", environment).GetValue<string>("--url"));
    }
}

using Actors.Containers.Docker.Tests.Support;
using Actors.Grains.Containers;

namespace Actors.Containers.Docker.Tests;

[Trait("Category", "Unit")]
public sealed class ContainerRunRequestValidationTests
{
    public static TheoryData<string, ContainerRunRequest> InvalidRequests => new()
    {
        { "Image", RunRequests.For("Not An/Image") },
        { "Command", RunRequests.For("actors/cat:latest") with { Command = [] } },
        { "Env entry", RunRequests.For("actors/cat:latest") with { Env = new Dictionary<string, string> { ["A=B"] = "c" } } },
        { "Label", RunRequests.For("actors/cat:latest") with { Labels = new Dictionary<string, string> { [""] = "x" } } },
        { "Timeout", RunRequests.For("actors/cat:latest") with { Timeout = TimeSpan.Zero } },
        { "Timeout", RunRequests.For("actors/cat:latest") with { Timeout = TimeSpan.FromDays(100) } },
        { "NanoCpus", RunRequests.For("actors/cat:latest") with { NanoCpus = 0 } },
        { "MemoryBytes", RunRequests.For("actors/cat:latest") with { MemoryBytes = -1 } },
        { "PidsLimit", RunRequests.For("actors/cat:latest") with { PidsLimit = 0 } },
        { "TmpfsBytes", RunRequests.For("actors/cat:latest") with { TmpfsBytes = 0 } },
        { "StdoutCapBytes", RunRequests.For("actors/cat:latest") with { StdoutCapBytes = -1 } },
        { "StdoutCapBytes", RunRequests.For("actors/cat:latest") with { StdoutCapBytes = long.MaxValue } },
        { "StderrTailBytes", RunRequests.For("actors/cat:latest") with { StderrTailBytes = -5 } },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void Validate_InvalidField_ThrowsNamingTheField(string field, ContainerRunRequest request)
    {
        var ex = Assert.Throws<ArgumentException>(() => ContainerRunRequestValidation.Validate(request));

        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TypicalRequest_Passes()
    {
        ContainerRunRequestValidation.Validate(RunRequests.For("actors/cat:latest") with { Command = ["cat", "-"] });
    }
}

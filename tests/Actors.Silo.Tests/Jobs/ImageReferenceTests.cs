using Actors.Silo.Endpoints.Jobs;

namespace Actors.Silo.Tests.Jobs;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("busybox")]
    [InlineData("busybox:1.36")]
    [InlineData("actors/cat:latest")]
    [InlineData("library/busybox")]
    [InlineData("docker.io/library/busybox:latest")]
    [InlineData("localhost:5000/team/tool")]
    [InlineData("registry.example.com/a/b/c:v2.0-rc1")]
    [InlineData("my_image__x.y-z")]
    [InlineData("busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("busybox:1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void IsValid_PlausibleReference_True(string reference) => Assert.True(ImageReference.IsValid(reference));

    [Theory]
    [InlineData("")]
    [InlineData("BusyBox")]
    [InlineData("busybox:")]
    [InlineData(":latest")]
    [InlineData("busy box")]
    [InlineData("-busybox")]
    [InlineData("busybox:-tag")]
    [InlineData("a//b")]
    [InlineData("busybox/")]
    [InlineData("busybox@sha256:short")]
    [InlineData("busybox:tag:other")]
    public void IsValid_ImplausibleReference_False(string reference) => Assert.False(ImageReference.IsValid(reference));

    [Fact]
    public void IsValid_TooLong_False() => Assert.False(ImageReference.IsValid(new string('a', 256)));

    [Theory]
    [InlineData("busybox", "busybox:latest")]
    [InlineData("busybox:latest", "busybox:latest")]
    [InlineData("docker.io/library/busybox", "busybox:latest")]
    [InlineData("index.docker.io/library/busybox:1.36", "busybox:1.36")]
    [InlineData("library/busybox", "busybox:latest")]
    [InlineData("docker.io/actors/cat", "actors/cat:latest")]
    [InlineData("localhost:5000/busybox", "localhost:5000/busybox:latest")]
    [InlineData("registry.example:5000/team/tool:v2", "registry.example:5000/team/tool:v2")]
    [InlineData("busybox@sha256:0123456789abcdef0123456789abcdef", "busybox@sha256:0123456789abcdef0123456789abcdef")]
    public void Normalize_GivesTheCanonicalShortForm(string reference, string expected) =>
        Assert.Equal(expected, ImageReference.Normalize(reference));

    [Fact]
    public void SameImage_ComparesNormalisedReferences()
    {
        Assert.True(ImageReference.SameImage("busybox", "docker.io/library/busybox:latest"));
        Assert.False(ImageReference.SameImage("busybox", "busybox:1.36"));
        Assert.False(ImageReference.SameImage("team/busybox", "busybox"));
    }
}

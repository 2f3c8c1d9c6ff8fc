using Actors.Containers.Docker.Engine;

namespace Actors.Containers.Docker.Tests.Engine;

[Trait("Category", "Unit")]
public sealed class ImageReferenceTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("busybox", null, "busybox", null, null)]
    [InlineData("actors/cat:latest", null, "actors/cat", "latest", null)]
    [InlineData("127.0.0.1:5000/actors/cat:1.0", "127.0.0.1:5000", "actors/cat", "1.0", null)]
    [InlineData("localhost/tools/x_y", "localhost", "tools/x_y", null, null)]
    [InlineData("registry.example/a/b-c__d.e@" + Digest, "registry.example", "a/b-c__d.e", null, Digest)]
    [InlineData("a--b:v_1.2-rc", null, "a--b", "v_1.2-rc", null)]
    public void TryParse_ValidName_SplitsItsParts(string image, string? domain, string path, string? tag, string? digest)
    {
        Assert.True(ImageReference.TryParse(image, out var reference, out var error), error);

        Assert.Equal(new ImageReference(domain, path, tag, digest), reference);
        Assert.Equal(image, reference.ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Actors/Cat", "path component 'Actors'")]
    [InlineData("actors/cat:", "tag ''")]
    [InlineData("actors/../containers/json", "path component '..'")]
    [InlineData("/actors", "path component ''")]
    [InlineData("actors//cat", "path component ''")]
    [InlineData("actors/cat ", "path component 'cat '")]
    [InlineData("actors/cat\n", "path component")]
    [InlineData("actors/cat:two words", "tag 'two words'")]
    [InlineData("actors/cat@sha256:short", "digest")]
    [InlineData("actors/cat?x=1", "path component")]
    public void TryParse_InvalidName_SaysWhatIsWrong(string image, string expected)
    {
        Assert.False(ImageReference.TryParse(image, out var reference, out var error));

        Assert.Null(reference);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidName_ThrowsArgumentExceptionNamingTheImage()
    {
        var ex = Assert.Throws<ArgumentException>(() => ImageReference.Parse("No Such/Image"));

        Assert.Contains("'No Such/Image' is not a valid image name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InRegistry_NameWithoutHost_PrefixesTheRegistry()
    {
        var reference = ImageReference.Parse("actors/cat:latest").InRegistry("127.0.0.1:5000");

        Assert.Equal("127.0.0.1:5000/actors/cat", reference.Repository);
        Assert.Equal("127.0.0.1:5000/actors/cat:latest", reference.ToString());
    }
}

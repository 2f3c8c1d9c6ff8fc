using System.Text;
using Actors.Containers.Docker.Engine;

namespace Actors.Containers.Docker.Tests.Engine;

[Trait("Category", "Unit")]
public sealed class HttpResponseHeadTests
{
    [Fact]
    public void TryParse_UpgradeResponseFollowedByStreamBytes_ReturnsTheHeadAndItsLength()
    {
        var head = "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
        var data = Encoding.ASCII.GetBytes(head + "\u0001\0\0\0");

        Assert.True(HttpResponseHead.TryParse(data, out var parsed, out var length));

        Assert.Equal(101, parsed!.StatusCode);
        Assert.Equal("UPGRADED", parsed.ReasonPhrase);
        Assert.Equal("tcp", parsed.Headers["upgrade"]);
        Assert.Equal(head.Length, length);
    }

    [Fact]
    public void TryParse_IncompleteHead_AsksForMore()
    {
        var data = Encoding.ASCII.GetBytes("HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\n");

        Assert.False(HttpResponseHead.TryParse(data, out var parsed, out _));
        Assert.Null(parsed);
    }

    [Fact]
    public void TryParse_ErrorResponse_ReadsStatusAndContentLength()
    {
        var data = Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 38\r\n\r\n{\"message\":\"No such container: abc\"}");

        Assert.True(HttpResponseHead.TryParse(data, out var parsed, out _));

        Assert.Equal(404, parsed!.StatusCode);
        Assert.Equal("Not Found", parsed.ReasonPhrase);
        Assert.Equal(38, parsed.ContentLength);
    }

    [Theory]
    [InlineData("SSH-2.0-OpenSSH\r\n\r\n")]
    [InlineData("HTTP/1.1 abc OK\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n")]
    public void TryParse_NotAnHttpResponse_Throws(string text)
    {
        Assert.Throws<InvalidDataException>(() => HttpResponseHead.TryParse(Encoding.ASCII.GetBytes(text), out _, out _));
    }

    [Fact]
    public void TryParse_HeadLongerThanTheLimit_Throws()
    {
        var data = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nX: " + new string('a', HttpResponseHead.MaxLength));

        Assert.Throws<InvalidDataException>(() => HttpResponseHead.TryParse(data, out _, out _));
    }
}

using System.Net;

namespace Actors.Runtime.Tests.Units;

public sealed class IdentityTests
{
    [Fact]
    public void GrainId_RoundTripsThroughText()
    {
        var id = new GrainId(new GrainType("task"), "job/42+x");

        var parsed = GrainId.Parse(id.ToString());

        Assert.Equal(id, parsed);
        Assert.Equal("task/job/42+x", id.ToString());
        Assert.Equal(id.UniformHash, parsed.UniformHash);
    }

    [Fact]
    public void UniformHash_IsPinned_SoEveryProcessAgrees()
    {
        // Ring ownership (hash placement, reminder ranges) depends on every silo computing exactly these values.
        Assert.Equal(0x9e96d7bbu, new GrainId(new GrainType("task"), "1").UniformHash);
        Assert.Equal(0x006f4cd3u, new GrainId(new GrainType("task"), "2").UniformHash);
        Assert.Equal(0xc6ec4a05u, new SiloAddress(new IPEndPoint(IPAddress.Loopback, 11111), 1000).UniformHash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nokey")]
    [InlineData("/key")]
    public void GrainId_RejectsMalformedText(string text) => Assert.False(GrainId.TryParse(text, out _));

    [Fact]
    public void GrainType_RejectsSlash() => Assert.Throws<ArgumentException>(() => new GrainType("a/b"));

    [Fact]
    public void SiloAddress_RoundTripsAndOrdersGenerations()
    {
        var older = new SiloAddress(new IPEndPoint(IPAddress.Loopback, 11111), 1000);
        var newer = new SiloAddress(new IPEndPoint(IPAddress.Loopback, 11111), 2000);

        Assert.Equal(older, SiloAddress.Parse(older.ToString()));
        Assert.True(newer.IsSuccessorOf(older));
        Assert.False(older.IsSuccessorOf(newer));
        Assert.NotEqual(older, newer);
    }

    [Fact]
    public void KeyFormats_RoundTrip()
    {
        var guid = Guid.NewGuid();

        Assert.Equal(guid, GrainKeyFormat.ParseGuid(GrainKeyFormat.Format(guid, "ext"), out var extension));
        Assert.Equal("ext", extension);
        Assert.Equal(-7, GrainKeyFormat.ParseLong(GrainKeyFormat.Format(-7), out var none));
        Assert.Null(none);
        Assert.Throws<FormatException>(() => GrainKeyFormat.ParseLong("abc", out _));
    }
}

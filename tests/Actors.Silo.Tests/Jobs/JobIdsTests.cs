using System.Security.Cryptography;
using System.Text;
using Actors.Silo.Endpoints.Jobs;

namespace Actors.Silo.Tests.Jobs;

public sealed class JobIdsTests
{
    [Fact]
    public void FromIdempotencyKey_IsJDashAndTheFirst16BytesOfSha256InLowerHex()
    {
        var expected = "j-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("alice\norder-42")))[..32].ToLowerInvariant();

        Assert.Equal(expected, JobIds.FromIdempotencyKey("alice", "order-42"));
        Assert.Equal(34, expected.Length);
    }

    [Fact]
    public void FromIdempotencyKey_DependsOnTheSubmitterAndTheKey()
    {
        Assert.Equal(JobIds.FromIdempotencyKey("alice", "k"), JobIds.FromIdempotencyKey("alice", "k"));
        Assert.NotEqual(JobIds.FromIdempotencyKey("alice", "k"), JobIds.FromIdempotencyKey("bob", "k"));
        Assert.NotEqual(JobIds.FromIdempotencyKey("alice", "k1"), JobIds.FromIdempotencyKey("alice", "k2"));
    }

    [Fact]
    public void New_IsTimeOrderedAndValid()
    {
        var earlier = JobIds.New(new FixedTime(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        var later = JobIds.New(new FixedTime(DateTimeOffset.Parse("2026-01-01T00:00:01Z", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.StartsWith("j-", earlier, StringComparison.Ordinal);
        Assert.Equal(34, earlier.Length);
        Assert.True(JobIds.IsValid(earlier));
        Assert.True(string.CompareOrdinal(earlier, later) < 0, $"{earlier} should sort before {later}");
    }

    [Theory]
    [InlineData("j-0123", true)]
    [InlineData("A_b-9", true)]
    [InlineData("", false)]
    [InlineData("a.b", false)]
    [InlineData("a b", false)]
    [InlineData("ä", false)]
    public void IsValid_AcceptsOnlyTheIdAlphabet(string id, bool valid) => Assert.Equal(valid, JobIds.IsValid(id));

    [Fact]
    public void IsValid_TooLong_False()
    {
        Assert.True(JobIds.IsValid(new string('a', 100)));
        Assert.False(JobIds.IsValid(new string('a', 101)));
    }

    [Theory]
    [InlineData("k", true)]
    [InlineData("order-42/retry#1", true)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("tab\t", false)]
    [InlineData("é", false)]
    public void IsValidIdempotencyKey_VisibleAsciiOnly(string key, bool valid) => Assert.Equal(valid, JobIds.IsValidIdempotencyKey(key));

    [Fact]
    public void IsValidIdempotencyKey_AtMost255()
    {
        Assert.True(JobIds.IsValidIdempotencyKey(new string('k', 255)));
        Assert.False(JobIds.IsValidIdempotencyKey(new string('k', 256)));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

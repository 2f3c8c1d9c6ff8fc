using Actors.Transport;

namespace Actors.Runtime.Transport.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void FramedConnectionOptions_Defaults()
    {
        var options = new FramedConnectionOptions();

        Assert.Equal(4096, options.SendQueueCapacity);
        Assert.Equal(16 * 1024 * 1024, options.MaxFrameBytes);
        Assert.Equal(TimeSpan.FromSeconds(5), options.HandshakeTimeout);
    }

    [Theory]
    [InlineData(nameof(FramedConnectionOptions.SendQueueCapacity), 0)]
    [InlineData(nameof(FramedConnectionOptions.SendQueueCapacity), 2_000_000)]
    [InlineData(nameof(FramedConnectionOptions.MaxFrameBytes), 100)]
    [InlineData(nameof(FramedConnectionOptions.MaxBatchBytes), 10)]
    [InlineData(nameof(FramedConnectionOptions.HandshakeTimeout), 0)]
    [InlineData(nameof(FramedConnectionOptions.HandshakeTimeout), -1)]
    public void FramedConnectionOptions_OutOfRange_ThrowsNamingTheOption(string option, int value)
    {
        var options = new FramedConnectionOptions();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            switch (option)
            {
                case nameof(FramedConnectionOptions.SendQueueCapacity): options.SendQueueCapacity = value; break;
                case nameof(FramedConnectionOptions.MaxFrameBytes): options.MaxFrameBytes = value; break;
                case nameof(FramedConnectionOptions.MaxBatchBytes): options.MaxBatchBytes = value; break;
                default: options.HandshakeTimeout = TimeSpan.FromMilliseconds(value); break;
            }
        });

        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void OutboundConnectionOptions_OutOfRange_ThrowsNamingTheOption()
    {
        Assert.Equal(nameof(OutboundConnectionOptions.InitialBackoff),
            Assert.Throws<ArgumentOutOfRangeException>(() => new OutboundConnectionOptions { InitialBackoff = TimeSpan.Zero }).ParamName);
        Assert.Equal(nameof(OutboundConnectionOptions.MaxBackoff),
            Assert.Throws<ArgumentOutOfRangeException>(() => new OutboundConnectionOptions { MaxBackoff = TimeSpan.FromHours(1) }).ParamName);
        Assert.Equal(nameof(OutboundConnectionOptions.BackoffJitter),
            Assert.Throws<ArgumentOutOfRangeException>(() => new OutboundConnectionOptions { BackoffJitter = 1.5 }).ParamName);
    }
}

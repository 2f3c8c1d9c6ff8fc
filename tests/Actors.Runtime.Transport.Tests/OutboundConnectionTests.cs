using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Actors.Runtime.Transport.Tests.Support;
using Actors.Transport;

namespace Actors.Runtime.Transport.Tests;

public sealed class OutboundConnectionTests
{
    private static readonly OutboundConnectionOptions FastRetry = new() { InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(100) };

    [Fact]
    public async Task SendAsync_ConnectsOnDemand_AndDeliversInOrder()
    {
        await using var listener = RecordingListener.Start();
        var undelivered = Channel.CreateUnbounded<(WireMessage, Exception)>();
        await using var outbound = CreateOutbound(listener.EndPoint, undelivered);
        var connected = new TaskCompletionSource<FramedConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        outbound.Connected += c => connected.TrySetResult(c);

        Assert.False(outbound.IsConnected);
        for (var id = 0; id < 100; id++)
        {
            await outbound.SendAsync(TestMessages.Request(id), Wait.Token);
        }

        for (var id = 0; id < 100; id++)
        {
            Assert.Equal(id, (await listener.ReceiveAsync()).CorrelationId);
        }

        var connection = await Wait.ForAsync(connected.Task, "the Connected event");
        Assert.True(outbound.IsConnected);
        Assert.Same(connection, outbound.Connection);
        Assert.Equal(TestMessages.SiloPreamble(), connection.RemotePreamble);
        Assert.False(undelivered.Reader.TryRead(out _));
    }

    [Fact]
    public async Task ListenerRestartedOnTheSamePort_IsReconnected_AndMessagesSentWhileDownAreDelivered()
    {
        var first = RecordingListener.Start();
        var port = first.EndPoint.Port;
        var undelivered = Channel.CreateUnbounded<(WireMessage, Exception)>();
        await using var outbound = CreateOutbound(first.EndPoint, undelivered);
        var lost = new TaskCompletionSource<FramedConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        outbound.Disconnected += c => lost.TrySetResult(c);
        await outbound.SendAsync(TestMessages.Request(0), Wait.Token);
        Assert.Equal(0, (await first.ReceiveAsync()).CorrelationId);

        await first.DisposeAsync();
        var lostConnection = await Wait.ForAsync(lost.Task, "the Disconnected event");
        Assert.False(outbound.IsConnected);
        for (var id = 1; id <= 50; id++)
        {
            await outbound.SendAsync(TestMessages.Request(id), Wait.Token);
        }

        await using var second = RecordingListener.Start(port: port);
        for (var id = 1; id <= 50; id++)
        {
            Assert.Equal(id, (await second.ReceiveAsync()).CorrelationId);
        }

        Assert.IsType<ConnectionClosedException>(lostConnection.CloseReason);
        Assert.True(outbound.IsConnected);
        Assert.Null(outbound.AbandonReason);
        Assert.False(undelivered.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Abandon_FailsQueuedMessages_RefusesLaterSends_AndStopsReconnecting()
    {
        var nothingListening = UnusedLoopbackEndPoint();
        var undelivered = Channel.CreateUnbounded<(WireMessage, Exception)>();
        var outbound = CreateOutbound(nothingListening, undelivered);
        for (var id = 0; id < 5; id++)
        {
            Assert.True(outbound.TrySend(TestMessages.Request(id)));
        }

        var reason = new InvalidOperationException("silo declared dead");
        outbound.Abandon(reason);
        await Wait.ForAsync(outbound.Completion, "the outbound connection to stop");

        var failed = new List<long>();
        while (undelivered.Reader.TryRead(out var item))
        {
            Assert.Same(reason, item.Item2);
            failed.Add(item.Item1.CorrelationId);
        }

        Assert.Equal([0, 1, 2, 3, 4], failed);
        Assert.Same(reason, outbound.AbandonReason);
        Assert.False(outbound.TrySend(TestMessages.Request(5)));
        var error = await Assert.ThrowsAsync<ConnectionClosedException>(async () => await outbound.SendAsync(TestMessages.Request(6), Wait.Token));
        Assert.Same(reason, error.InnerException);
        Assert.False(outbound.IsConnected);
        await outbound.DisposeAsync();
    }

    [Fact]
    public async Task Abandon_WhileConnected_ClosesTheConnection()
    {
        await using var listener = RecordingListener.Start();
        var undelivered = Channel.CreateUnbounded<(WireMessage, Exception)>();
        await using var outbound = CreateOutbound(listener.EndPoint, undelivered);
        await outbound.SendAsync(TestMessages.Request(1), Wait.Token);
        await listener.ReceiveAsync();
        var serverSide = await listener.AcceptedAsync();
        var connection = outbound.Connection;

        outbound.Abandon(new InvalidOperationException("gone"));
        await Wait.ForAsync(outbound.Completion, "the outbound connection to stop");
        await Wait.ForAsync(serverSide.Completion, "the listener side to close");

        Assert.NotNull(connection);
        Assert.True(connection.IsClosed);
        Assert.False(outbound.IsConnected);
    }

    [Fact]
    public async Task ValidateRemoteFailure_AbandonsTheConnection()
    {
        // Another generation of the silo now answers on the endpoint.
        await using var listener = RecordingListener.Start(local: TestMessages.SiloPreamble(generation: 2000));
        var undelivered = Channel.CreateUnbounded<(WireMessage, Exception)>();
        await using var outbound = CreateOutbound(
            listener.EndPoint, undelivered, remote => remote.Silo?.Generation == 1000 ? null : $"found {remote.Silo}, expected generation 1000");

        await outbound.SendAsync(TestMessages.Request(1), Wait.Token);
        await Wait.ForAsync(outbound.Completion, "the outbound connection to abandon itself");
        var (message, reason) = await Wait.ForAsync(undelivered.Reader.ReadAsync(Wait.Token), "the queued message to be failed");

        Assert.Equal(1, message.CorrelationId);
        var refused = Assert.IsType<ConnectionRefusedException>(reason);
        Assert.False(refused.RefusedByRemote);
        Assert.Same(refused, outbound.AbandonReason);
        await Assert.ThrowsAsync<ConnectionClosedException>(async () => await outbound.SendAsync(TestMessages.Request(2), Wait.Token));
    }

    [Fact]
    public async Task RefusalByTheListener_AbandonsTheConnection()
    {
        await using var listener = RecordingListener.Start(validateRemote: static _ => "this silo is shutting down for good");
        var undelivered = Channel.CreateUnbounded<(WireMessage, Exception)>();
        await using var outbound = CreateOutbound(listener.EndPoint, undelivered);

        await outbound.SendAsync(TestMessages.Request(1), Wait.Token);
        await Wait.ForAsync(outbound.Completion, "the outbound connection to abandon itself");

        var refused = Assert.IsType<ConnectionRefusedException>(outbound.AbandonReason);
        Assert.True(refused.RefusedByRemote);
        Assert.Equal("this silo is shutting down for good", refused.Reason);
        Assert.True(undelivered.Reader.TryRead(out var failed));
        Assert.Equal(1, failed.Item1.CorrelationId);
    }

    [Fact]
    public async Task FullQueueWhileDisconnected_AppliesBackPressure()
    {
        var undelivered = Channel.CreateUnbounded<(WireMessage, Exception)>();
        await using var outbound = new OutboundConnection(
            UnusedLoopbackEndPoint(), TestMessages.SiloPreamble(), TestMessages.SameCluster, static (_, _) => { },
            (m, e) => undelivered.Writer.TryWrite((m, e)), new FramedConnectionOptions { SendQueueCapacity = 3 }, FastRetry);

        Assert.True(outbound.TrySend(TestMessages.Request(0)));
        Assert.True(outbound.TrySend(TestMessages.Request(1)));
        Assert.True(outbound.TrySend(TestMessages.Request(2)));
        Assert.False(outbound.TrySend(TestMessages.Request(3)));
        var waiting = outbound.SendAsync(TestMessages.Request(4), Wait.Token).AsTask();

        Assert.False(waiting.IsCompleted);
        outbound.Abandon(new InvalidOperationException("stop"));
        await Assert.ThrowsAsync<ConnectionClosedException>(() => waiting);
    }

    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 100)]
    [InlineData(3, 200)]
    [InlineData(6, 1600)]
    [InlineData(7, 2000)]
    [InlineData(40, 2000)]
    public void Backoff_DoublesFromTheInitialDelay_UpToTheMaximum(int failures, int expectedMilliseconds)
    {
        var options = new OutboundConnectionOptions();

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), options.BackoffFor(failures, unit: 0.5));
        Assert.InRange(options.BackoffFor(failures, unit: 0).TotalMilliseconds, expectedMilliseconds * 0.8 - 0.001, expectedMilliseconds);
        Assert.InRange(options.BackoffFor(failures, unit: 0.999).TotalMilliseconds, expectedMilliseconds, Math.Min(expectedMilliseconds * 1.2, 2000));
    }

    private static OutboundConnection CreateOutbound(
        IPEndPoint endpoint, Channel<(WireMessage, Exception)> undelivered, Func<ConnectionPreamble, string?>? validateRemote = null) =>
        new(endpoint, TestMessages.SiloPreamble(), validateRemote ?? TestMessages.SameCluster, static (_, _) => { },
            (m, e) => undelivered.Writer.TryWrite((m, e)), new FramedConnectionOptions(), FastRetry);

    private static IPEndPoint UnusedLoopbackEndPoint()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)socket.LocalEndPoint!;
    }
}

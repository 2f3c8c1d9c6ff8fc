using System.Net;
using System.Net.Sockets;
using Actors.Runtime.Transport.Tests.Support;
using Actors.Transport;

namespace Actors.Runtime.Transport.Tests;

public sealed class FramedConnectionListenerTests
{
    [Fact]
    public async Task Start_OnPortZero_ExposesTheBoundPort()
    {
        await using var listener = RecordingListener.Start();

        Assert.NotEqual(0, listener.EndPoint.Port);
        Assert.Equal(IPAddress.Loopback, listener.EndPoint.Address);
    }

    [Fact]
    public async Task ClusterIdMismatch_IsRefused_WithTheReasonVisibleToTheConnector()
    {
        await using var listener = RecordingListener.Start();

        var error = await Assert.ThrowsAsync<ConnectionRefusedException>(() => FramedConnector.ConnectAsync(
            listener.EndPoint, TestMessages.ClientPreamble(clusterId: "other"), TestMessages.SameCluster, static (_, _) => { }, null,
            new FramedConnectionOptions(), Wait.Token));

        Assert.True(error.RefusedByRemote);
        Assert.Equal("cluster id 'other' is not 'test-cluster'", error.Reason);
        Assert.Contains(error.Reason, error.Message, StringComparison.Ordinal);
        Assert.Empty(listener.Listener.Connections);
    }

    [Fact]
    public async Task ConnectorRejectingTheListener_Throws_AndTheListenerSideCloses()
    {
        await using var listener = RecordingListener.Start(local: TestMessages.SiloPreamble(generation: 2000));

        var error = await Assert.ThrowsAsync<ConnectionRefusedException>(() => FramedConnector.ConnectAsync(
            listener.EndPoint,
            TestMessages.SiloPreamble(),
            remote => remote.Silo?.Generation == 1000 ? null : $"expected generation 1000, found {remote.Silo}",
            static (_, _) => { },
            null,
            new FramedConnectionOptions(),
            Wait.Token));
        var serverSide = await listener.AcceptedAsync();
        await Wait.ForAsync(serverSide.Completion, "the listener's side to close");

        Assert.False(error.RefusedByRemote);
        Assert.Contains("expected generation 1000", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GarbageAndSilentPeers_AreDropped_AndTheListenerKeepsAccepting()
    {
        await using var listener = RecordingListener.Start(options: new FramedConnectionOptions { HandshakeTimeout = TimeSpan.FromMilliseconds(300) });
        using var garbage = await RawPeer.ConnectAsync(listener.EndPoint);
        using var silent = await RawPeer.ConnectAsync(listener.EndPoint);
        using var halfPreamble = await RawPeer.ConnectAsync(listener.EndPoint);

        await garbage.SendAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
        await halfPreamble.SendAsync(Frames.Encode(TestMessages.SiloPreamble())[..7]);
        var (garbageAnswer, garbageRefusal) = await garbage.ReadHandshakeAsync();

        Assert.Null(garbageAnswer);
        Assert.Contains("bad magic", garbageRefusal, StringComparison.Ordinal);
        Assert.True(await garbage.SeesEndOfStreamAsync());
        Assert.True(await silent.SeesEndOfStreamAsync());
        Assert.True(await halfPreamble.SeesEndOfStreamAsync());

        await using var good = await FramedConnector.ConnectAsync(
            listener.EndPoint, TestMessages.SiloPreamble(), TestMessages.SameCluster, static (_, _) => { }, null, new FramedConnectionOptions(), Wait.Token);
        await good.SendAsync(TestMessages.Request(11), Wait.Token);
        Assert.Equal(11, (await listener.ReceiveAsync()).CorrelationId);
        Assert.Single(listener.Listener.Connections);
    }

    [Fact]
    public async Task PeerOfAnotherProtocolVersion_IsToldWhy()
    {
        await using var listener = RecordingListener.Start();
        using var peer = await RawPeer.ConnectAsync(listener.EndPoint);
        var hello = Frames.Encode(TestMessages.SiloPreamble());
        hello[4] = 9;

        await peer.SendAsync(hello);
        var (_, refusal) = await peer.ReadHandshakeAsync();

        Assert.Contains("version 9", refusal, StringComparison.Ordinal);
        Assert.True(await peer.SeesEndOfStreamAsync());
    }

    [Fact]
    public async Task MessagesSentFromOnAccepted_ReachTheConnector_RightAfterTheHandshake()
    {
        var received = new TaskCompletionSource<WireMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listener = RecordingListener.Start(onAccepted: connection =>
            connection.TrySend(new WireMessage { Kind = WireMessageKind.SystemRequest, CorrelationId = 77 }));

        await using var client = await FramedConnector.ConnectAsync(
            listener.EndPoint, TestMessages.ClientPreamble(), TestMessages.SameCluster, (_, m) => received.TrySetResult(m), null,
            new FramedConnectionOptions(), Wait.Token);

        Assert.Equal(77, (await Wait.ForAsync(received.Task, "the greeting")).CorrelationId);
    }

    [Fact]
    public async Task Connector_FramesInTheSameReadAsTheListenersPreamble_AreDelivered()
    {
        // A hand-made listener answers with its preamble and a frame in one send, so both arrive in one read.
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        server.Listen();
        var received = new TaskCompletionSource<WireMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var connecting = FramedConnector.ConnectAsync(
            (IPEndPoint)server.LocalEndPoint!, TestMessages.ClientPreamble(), TestMessages.SameCluster, (_, m) => received.TrySetResult(m), null,
            new FramedConnectionOptions(), Wait.Token);
        using var accepted = await Wait.ForAsync(server.AcceptAsync(Wait.Token).AsTask(), "the connector's TCP connection");
        var hello = new byte[Frames.Encode(TestMessages.ClientPreamble()).Length];
        for (var read = 0; read < hello.Length;)
        {
            read += await accepted.ReceiveAsync(hello.AsMemory(read), SocketFlags.None, Wait.Token);
        }

        await accepted.SendAsync((byte[])[.. Frames.Encode(TestMessages.SiloPreamble()), .. Frames.Encode(TestMessages.Request(5))], SocketFlags.None, Wait.Token);
        await using var client = await Wait.ForAsync(connecting, "the handshake");

        Assert.Equal(5, (await Wait.ForAsync(received.Task, "the frame behind the preamble")).CorrelationId);
    }

    [Fact]
    public async Task HandlerFactory_GetsThePeersPreamble()
    {
        var seen = new TaskCompletionSource<ConnectionPreamble>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listener = new FramedConnectionListener(
            new IPEndPoint(IPAddress.Loopback, 0),
            TestMessages.SiloPreamble(),
            TestMessages.SameCluster,
            remote =>
            {
                seen.TrySetResult(remote);
                return static (_, _) => { };
            },
            static _ => { },
            null,
            new FramedConnectionOptions());
        listener.Start();

        await using var client = await FramedConnector.ConnectAsync(
            listener.LocalEndPoint, TestMessages.ClientPreamble("who"), TestMessages.SameCluster, static (_, _) => { }, null,
            new FramedConnectionOptions(), Wait.Token);

        Assert.Equal(TestMessages.ClientPreamble("who"), await Wait.ForAsync(seen.Task, "the handler factory"));
    }

    [Fact]
    public async Task DisposeAsync_ClosesAcceptedConnections_AndStopsAccepting()
    {
        var listener = RecordingListener.Start();
        var endpoint = listener.EndPoint;
        await using var client = await FramedConnector.ConnectAsync(
            endpoint, TestMessages.SiloPreamble(), TestMessages.SameCluster, static (_, _) => { }, null, new FramedConnectionOptions(), Wait.Token);
        var serverSide = await listener.AcceptedAsync();

        await listener.DisposeAsync();
        await Wait.ForAsync(client.Completion, "the client to see the listener go");

        Assert.True(serverSide.IsClosed);
        var error = await Assert.ThrowsAsync<SocketException>(() => FramedConnector.ConnectAsync(
            endpoint, TestMessages.SiloPreamble(), TestMessages.SameCluster, static (_, _) => { }, null, new FramedConnectionOptions(), Wait.Token));
        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    [Fact]
    public async Task Connector_HandshakeTimeout_ThrowsTimeoutException()
    {
        // A plain TCP listener that accepts but never answers the handshake.
        using var mute = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        mute.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        mute.Listen();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => FramedConnector.ConnectAsync(
            (IPEndPoint)mute.LocalEndPoint!, TestMessages.SiloPreamble(), TestMessages.SameCluster, static (_, _) => { }, null,
            new FramedConnectionOptions { HandshakeTimeout = TimeSpan.FromMilliseconds(200) }, Wait.Token));

        Assert.Contains("did not complete within", error.Message, StringComparison.Ordinal);
    }
}

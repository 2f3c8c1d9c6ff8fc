using System.Diagnostics;
using Actors.Runtime.Transport.Tests.Support;
using Actors.Transport;

namespace Actors.Runtime.Transport.Tests;

public sealed class FramedConnectionTests
{
    [Fact]
    public async Task RequestResponse_RoundTripThroughTheListener()
    {
        await using var listener = RecordingListener.Start(onMessage: static (connection, request) =>
            connection.TrySend(new WireMessage
            {
                Kind = WireMessageKind.Response,
                CorrelationId = request.CorrelationId,
                TargetGrain = request.SendingGrain,
                Body = request.Body.ToArray().Reverse().ToArray(),
            }));
        var responses = new TaskCompletionSource<WireMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = await FramedConnector.ConnectAsync(
            listener.EndPoint,
            TestMessages.ClientPreamble("c-7"),
            TestMessages.SameCluster,
            (_, message) => responses.TrySetResult(message),
            null,
            new FramedConnectionOptions(),
            Wait.Token);
        var request = TestMessages.Full(bodyBytes: 5);

        await client.SendAsync(request, Wait.Token);
        var response = await Wait.ForAsync(responses.Task, "the response");
        var serverSide = await listener.AcceptedAsync();

        Assert.Equal(WireMessageKind.Response, response.Kind);
        Assert.Equal(request.CorrelationId, response.CorrelationId);
        Assert.Equal(request.SendingGrain, response.TargetGrain);
        Assert.Equal(request.Body.ToArray().Reverse(), response.Body.ToArray());
        WireAssert.Equal(request, await listener.ReceiveAsync());
        Assert.Equal(TestMessages.SiloPreamble(), client.RemotePreamble);
        Assert.Equal(TestMessages.ClientPreamble("c-7"), serverSide.RemotePreamble);
        Assert.Equal(client.LocalEndPoint, serverSide.RemoteEndPoint);
    }

    [Fact]
    public async Task TenThousandMessages_InBothDirections_ArriveCompleteAndInOrder()
    {
        const int Count = 10_000;
        var atServer = new OrderedSink(Count);
        var atClient = new OrderedSink(Count);
        await using var listener = RecordingListener.Start(onMessage: (_, message) => atServer.Add(message));
        await using var client = await FramedConnector.ConnectAsync(
            listener.EndPoint, TestMessages.SiloPreamble(2), TestMessages.SameCluster, (_, message) => atClient.Add(message), null,
            new FramedConnectionOptions(), Wait.Token);
        var server = await listener.AcceptedAsync();

        var fromClient = Task.Run(() => SendAllAsync(client, Count), Wait.Token);
        var fromServer = Task.Run(() => SendAllAsync(server, Count), Wait.Token);
        await Wait.ForAsync(Task.WhenAll(fromClient, fromServer), "both senders");
        await Wait.ForAsync(atServer.Complete, "10,000 messages at the server");
        await Wait.ForAsync(atClient.Complete, "10,000 messages at the client");

        Assert.Equal(0, atServer.OutOfOrder);
        Assert.Equal(0, atClient.OutOfOrder);
        Assert.False(client.IsClosed);
        Assert.False(server.IsClosed);
    }

    [Fact]
    public async Task PeerThatDoesNotRead_FillsTheQueue_AndSendAsyncWaitsUntilItReads()
    {
        var options = new FramedConnectionOptions { SendQueueCapacity = 8 };
        await using var listener = RecordingListener.Start(options: options);
        var (peer, _, _) = await RawPeer.HandshakeAsync(listener.EndPoint, TestMessages.SiloPreamble(3), receiveBufferBytes: 4096);
        using var _ = peer;
        var server = await listener.AcceptedAsync();

        var (lastId, pending) = await FillUntilSendAsyncStaysBlockedAsync(server);

        Assert.False(server.TrySend(TestMessages.Request(-1)), "the queue should still be full");
        Assert.False(pending.IsCompleted);

        // The peer starts reading: everything queued arrives, in order, and the waiting send completes.
        for (var id = 0L; id <= lastId; id++)
        {
            var message = await peer.ReadMessageAsync();
            Assert.NotNull(message);
            Assert.Equal(id, message.CorrelationId);
        }

        await Wait.ForAsync(pending, "the waiting SendAsync");
        Assert.True(lastId >= options.SendQueueCapacity, $"only {lastId} messages fitted before the queue was full");
    }

    [Fact]
    public async Task Close_HandsEveryUnwrittenMessageToOnUndelivered()
    {
        var options = new FramedConnectionOptions { SendQueueCapacity = 8 };
        await using var listener = RecordingListener.Start(options: options);
        var (peer, _, _) = await RawPeer.HandshakeAsync(listener.EndPoint, TestMessages.SiloPreamble(3), receiveBufferBytes: 4096);
        using var _ = peer;
        var server = await listener.AcceptedAsync();
        var (lastId, pending) = await FillUntilSendAsyncStaysBlockedAsync(server);
        var reason = new InvalidOperationException("silo declared dead");

        server.Close(reason);
        await Wait.ForAsync(server.Completion, "the connection to close");
        var waitingSendFailed = await Assert.ThrowsAsync<ConnectionClosedException>(() => pending);
        var accepted = lastId; // ids 0 .. lastId - 1; the waiting one was refused, not accepted

        var undelivered = new List<long>();
        while (listener.Undelivered.Reader.TryRead(out var item))
        {
            Assert.Same(reason, item.Reason);
            undelivered.Add(item.Message.CorrelationId);
        }

        var received = new List<long>();
        while (await peer.ReadMessageAsync() is { } message)
        {
            received.Add(message.CorrelationId);
        }

        // Nothing is lost silently: each accepted message reached the peer or was reported (the batch in flight may be both).
        Assert.Equal(Enumerable.Range(0, received.Count).Select(i => (long)i), received);
        Assert.Equal(Enumerable.Range(0, (int)accepted).Select(i => (long)i), received.Union(undelivered).Order());
        Assert.Contains(accepted - 1, undelivered);
        Assert.Same(reason, server.CloseReason);
        Assert.Same(reason, waitingSendFailed.InnerException);
    }

    [Fact]
    public async Task AfterClose_SendAsyncThrowsWithTheReason_AndTrySendIsFalse()
    {
        await using var listener = RecordingListener.Start();
        await using var client = await ConnectAsync(listener);
        var reason = new TimeoutException("probe failed");

        client.Close(reason);
        await Wait.ForAsync(client.Completion, "the close");
        var error = await Assert.ThrowsAsync<ConnectionClosedException>(async () => await client.SendAsync(TestMessages.Request(1), Wait.Token));

        Assert.Same(reason, error.InnerException);
        Assert.False(client.TrySend(TestMessages.Request(2)));
        Assert.True(client.IsClosed);
        Assert.Same(reason, client.CloseReason);
    }

    [Fact]
    public async Task RemoteClose_ClosesThisEnd_WithAConnectionClosedReason()
    {
        await using var listener = RecordingListener.Start();
        await using var client = await ConnectAsync(listener);
        var server = await listener.AcceptedAsync();

        await server.DisposeAsync();
        await Wait.ForAsync(client.Completion, "the client to notice the close");

        Assert.IsType<ConnectionClosedException>(client.CloseReason);
        Assert.Empty(listener.Listener.Connections);
    }

    [Fact]
    public async Task GarbageFrame_ClosesTheConnection_WithAProtocolError()
    {
        await using var listener = RecordingListener.Start(options: new FramedConnectionOptions { MaxFrameBytes = 1024 });
        var (peer, _, _) = await RawPeer.HandshakeAsync(listener.EndPoint, TestMessages.SiloPreamble(4));
        using var _ = peer;
        var server = await listener.AcceptedAsync();

        await peer.SendAsync([.. Frames.Encode(TestMessages.Request(1)), .. Frames.Encode(TestMessages.Request(2, bodyBytes: 5000))]);
        await Wait.ForAsync(server.Completion, "the connection to close on the oversize frame");

        Assert.Equal(1, (await listener.ReceiveAsync()).CorrelationId);
        Assert.IsType<WireProtocolException>(server.CloseReason);
        Assert.True(await peer.SeesEndOfStreamAsync());
    }

    [Fact]
    public async Task OversizeOutgoingMessage_IsReportedUndelivered_AndTheConnectionCarriesOn()
    {
        var undelivered = new TaskCompletionSource<(WireMessage, Exception)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listener = RecordingListener.Start();
        await using var client = await FramedConnector.ConnectAsync(
            listener.EndPoint, TestMessages.SiloPreamble(5), TestMessages.SameCluster, static (_, _) => { }, (m, e) => undelivered.TrySetResult((m, e)),
            new FramedConnectionOptions { MaxFrameBytes = 1024 }, Wait.Token);
        var tooBig = TestMessages.Request(1, bodyBytes: 2000);

        await client.SendAsync(tooBig, Wait.Token);
        await client.SendAsync(TestMessages.Request(2), Wait.Token);
        var (message, reason) = await Wait.ForAsync(undelivered.Task, "the oversize message to be reported");

        Assert.Same(tooBig, message);
        Assert.IsType<WireProtocolException>(reason);
        Assert.Equal(2, (await listener.ReceiveAsync()).CorrelationId);
        Assert.False(client.IsClosed);
    }

    [Fact]
    public async Task ThrowingHandler_DoesNotCloseTheConnection()
    {
        await using var listener = RecordingListener.Start(onMessage: static (_, message) =>
        {
            if (message.CorrelationId == 1)
            {
                throw new InvalidOperationException("handler bug");
            }
        });
        await using var client = await ConnectAsync(listener);

        await client.SendAsync(TestMessages.Request(1), Wait.Token);
        await client.SendAsync(TestMessages.Request(2), Wait.Token);

        Assert.Equal(1, (await listener.ReceiveAsync()).CorrelationId);
        Assert.Equal(2, (await listener.ReceiveAsync()).CorrelationId);
        Assert.False(client.IsClosed);
        Assert.False((await listener.AcceptedAsync()).IsClosed);
    }

    private static Task<FramedConnection> ConnectAsync(RecordingListener listener) =>
        FramedConnector.ConnectAsync(
            listener.EndPoint, TestMessages.SiloPreamble(9), TestMessages.SameCluster, static (_, _) => { }, null, new FramedConnectionOptions(), Wait.Token);

    private static async Task SendAllAsync(FramedConnection connection, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await connection.SendAsync(TestMessages.Request(i, bodyBytes: 32), Wait.Token);
        }
    }

    /// <summary>
    /// Queues 64 KiB messages (ids 0, 1, ...) until the queue is full and a SendAsync has waited 200 ms without
    /// completing (TCP buffers still draining into the kernel may let a first waiter in: then it fills on). Returns
    /// the id of that waiting message and its task. Bounded in count and time.
    /// </summary>
    private static async Task<(long LastId, Task Pending)> FillUntilSendAsyncStaysBlockedAsync(FramedConnection connection)
    {
        var clock = Stopwatch.StartNew();
        for (var id = 0L; id < 10_000 && clock.Elapsed < Wait.Limit; id++)
        {
            var message = TestMessages.Request(id, bodyBytes: 64 * 1024);
            if (connection.TrySend(message))
            {
                continue;
            }

            var send = connection.SendAsync(message, Wait.Token).AsTask();
            try
            {
                await send.WaitAsync(TimeSpan.FromMilliseconds(200), Wait.Token);
            }
            catch (TimeoutException)
            {
                return (id, send);
            }
        }

        throw new InvalidOperationException($"No SendAsync stayed blocked ({clock.Elapsed}): the queue never filled up.");
    }

    /// <summary>Counts messages and checks their correlation ids are 0, 1, 2, ... (called on the read loop only).</summary>
    private sealed class OrderedSink(int expected)
    {
        private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _next;

        public Task Complete => _complete.Task;

        public int OutOfOrder { get; private set; }

        public void Add(WireMessage message)
        {
            if (message.CorrelationId != _next || message.Body.Length != 32 || message.Body.Span[0] != (byte)_next)
            {
                OutOfOrder++;
            }

            if (++_next == expected)
            {
                _complete.TrySetResult();
            }
        }
    }
}

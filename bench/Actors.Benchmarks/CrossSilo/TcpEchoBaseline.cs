using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Actors.Benchmarks.CrossSilo;

/// <summary>
/// The floor under a sequential cross-silo call on this machine: a minimal request/response over loopback TCP
/// between two processes, written the way the runtime is (async socket reads and writes on the thread pool,
/// Nagle off), with none of its work (no framing beyond 4 bytes, no serialization, routing or scheduling).
/// The server is this benchmark's own assembly in another process (<c>tcp-echo-server</c>); it answers n + 1.
/// </summary>
internal sealed class TcpEchoBaseline : IAsyncDisposable
{
    public const string ServerScenario = "tcp-echo-server";

    // The server ends by itself even if nobody stops it.
    private static readonly TimeSpan ServerLifetime = TimeSpan.FromMinutes(30);

    private readonly Process _server;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly byte[] _request = new byte[4];
    private readonly byte[] _response = new byte[4];

    private TcpEchoBaseline(Process server, Socket socket)
    {
        _server = server;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
    }

    /// <summary>Starts the echo server process and connects to it (retrying for up to 30 s while it starts).</summary>
    public static async Task<TcpEchoBaseline> StartAsync(CancellationToken cancellationToken)
    {
        var port = LoopbackPorts.Next();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(typeof(TcpEchoBaseline).Assembly.Location);
        info.ArgumentList.Add(ServerScenario);
        info.ArgumentList.Add("--port");
        info.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        var server = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                return new TcpEchoBaseline(server, socket);
            }
            catch (SocketException) when (elapsed.Elapsed < TimeSpan.FromSeconds(30) && !server.HasExited)
            {
                socket.Dispose();
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            catch
            {
                socket.Dispose();
                server.Kill();
                server.Dispose();
                throw;
            }
        }
    }

    /// <summary>One round trip: sends <paramref name="value"/>, returns the server's answer (value + 1). Not concurrent.</summary>
    public async Task<int> PingAsync(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_request, value);
        await _stream.WriteAsync(_request);
        await _stream.ReadExactlyAsync(_response);
        return BinaryPrimitives.ReadInt32LittleEndian(_response);
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _socket.Dispose();
        if (!_server.HasExited)
        {
            _server.Kill();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _server.WaitForExitAsync(limit.Token);
        }

        _server.Dispose();
    }

    /// <summary>The server side: answers n + 1 to every 4-byte n on every connection, until its lifetime ends.</summary>
    public static async Task<string> RunServerAsync(int port)
    {
        using var lifetime = new CancellationTokenSource(ServerLifetime);
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        try
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync(lifetime.Token);
                socket.NoDelay = true;
                _ = Task.Run(() => EchoAsync(socket, lifetime.Token));
            }
        }
        catch (OperationCanceledException)
        {
            return "tcp echo server: lifetime over";
        }
    }

    private static async Task EchoAsync(Socket socket, CancellationToken cancellationToken)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var buffer = new byte[4];
        try
        {
            while (true)
            {
                await stream.ReadExactlyAsync(buffer, cancellationToken);
                BinaryPrimitives.WriteInt32LittleEndian(buffer, BinaryPrimitives.ReadInt32LittleEndian(buffer) + 1);
                await stream.WriteAsync(buffer, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or OperationCanceledException)
        {
            // The client went away, or the lifetime is over.
        }
    }

}

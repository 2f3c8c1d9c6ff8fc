using System.Net.Sockets;
using System.Text;
using Actors.Grains.Containers;

namespace Actors.Containers.Docker.Engine;

/// <summary>
/// Attach: HttpClient cannot hand out a connection's raw duplex stream after the response head, so this one request
/// is written by hand on a socket of its own and the socket is kept as the container's stdin and output.
/// </summary>
internal sealed partial class DockerEngineClient
{
    /// <summary>The most bytes of an error body read after a refused attach.</summary>
    private const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>
    /// <c>POST /containers/{id}/attach?stream=1&amp;stdin=1&amp;stdout=1&amp;stderr=1</c> with <c>Upgrade: tcp</c>: the hijacked
    /// connection carrying the container's stdin (writes) and its multiplexed stdout and stderr (reads). Attach before
    /// start, so no output is missed.
    /// </summary>
    public Task<HijackedStream> AttachAsync(string containerId, CancellationToken cancellationToken) =>
        CallAsync($"attach to container {containerId}", _options.RequestTimeout, async token =>
        {
            var socket = await ConnectSocketAsync(token);
            try
            {
                var request =
                    $"POST {ApiPath}containers/{Escape(containerId)}/attach?stream=1&stdin=1&stdout=1&stderr=1 HTTP/1.1\r\n" +
                    "Host: docker\r\n" +
                    "Content-Length: 0\r\n" +
                    "Connection: Upgrade\r\n" +
                    "Upgrade: tcp\r\n" +
                    "\r\n";
                await SendAllAsync(socket, Encoding.ASCII.GetBytes(request), token);

                var buffer = new byte[1024];
                var filled = 0;
                HttpResponseHead? head;
                int headLength;
                while (!HttpResponseHead.TryParse(buffer.AsSpan(0, filled), out head, out headLength))
                {
                    if (filled == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, token);
                    if (read == 0)
                    {
                        throw new ContainerRuntimeException($"Docker engine closed the connection before answering the request to attach to container {containerId}.");
                    }

                    filled += read;
                }

                // 101 after an upgrade request; 200 from engines that hijack without announcing it.
                if (head!.StatusCode is 101 or 200)
                {
                    return new HijackedStream(socket, buffer.AsMemory(headLength, filled - headLength));
                }

                var body = await ReadErrorBodyAsync(socket, head, buffer.AsMemory(headLength, filled - headLength), token);
                throw new ContainerRuntimeException(
                    $"Docker engine refused to attach to container {containerId}: {ErrorMessage(body, head.ReasonPhrase)} (HTTP {head.StatusCode})");
            }
            catch (InvalidDataException ex)
            {
                socket.Dispose();
                throw new ContainerRuntimeException($"Docker engine answered the request to attach to container {containerId} with a malformed response: {ex.Message}", ex);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }, cancellationToken);

    private static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await socket.SendAsync(bytes, SocketFlags.None, cancellationToken);
            bytes = bytes[sent..];
        }
    }

    /// <summary>The body of a refused attach: Content-Length bytes when given, else up to the end of the connection (bounded).</summary>
    private static async Task<string> ReadErrorBodyAsync(Socket socket, HttpResponseHead head, ReadOnlyMemory<byte> alreadyRead, CancellationToken cancellationToken)
    {
        var limit = (int)Math.Min(head.ContentLength ?? MaxErrorBodyBytes, MaxErrorBodyBytes);
        var body = new byte[Math.Max(limit, alreadyRead.Length)];
        alreadyRead.CopyTo(body);
        var filled = alreadyRead.Length;
        while (filled < limit)
        {
            var read = await socket.ReceiveAsync(body.AsMemory(filled, limit - filled), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return Encoding.UTF8.GetString(body, 0, Math.Min(filled, limit));
    }
}

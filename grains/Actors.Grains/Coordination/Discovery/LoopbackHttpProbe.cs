using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Actors.Grains.Coordination.Discovery;

/// <summary>
/// Runs HTTP health checks over one shared connection pool. It connects only to loopback addresses (a host name that
/// resolves elsewhere is refused at connect time), uses no proxy and follows no redirects: checks never leave the machine.
/// </summary>
internal static class LoopbackHttpProbe
{
    private static readonly HttpClient Client = new(
        new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = ConnectLoopbackAsync,
        },
        disposeHandler: true)
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Probes <paramref name="url"/> once: 2xx = passing; any other answer, an error or the timeout = critical.</summary>
    public static async Task<(bool Passing, string Output)> ProbeAsync(string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var code = (int)response.StatusCode;
            var output = string.Create(CultureInfo.InvariantCulture, $"HTTP GET {url}: {code} {response.ReasonPhrase}");
            return (code is >= 200 and <= 299, output);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, string.Create(CultureInfo.InvariantCulture, $"HTTP GET {url}: timed out after {timeout.TotalSeconds:0.###} s"));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException)
        {
            return (false, $"HTTP GET {url}: {ex.GetBaseException().Message}");
        }
    }

    private static async ValueTask<Stream> ConnectLoopbackAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var loopback = addresses.Where(IPAddress.IsLoopback).ToArray();
        if (loopback.Length == 0)
        {
            throw new HttpRequestException($"'{host}' is not a loopback address; health checks only reach this machine.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(loopback, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

using System.Globalization;
using System.Net;
using Actors.TestKit;

namespace Actors.Coordination.Discovery.Tests;

/// <summary>An HTTP endpoint on 127.0.0.1 (a free port) that answers every request with a status code the test flips.</summary>
internal sealed class SwitchableHealthEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _statusCode = 200;
    private int _requests;

    public SwitchableHealthEndpoint()
    {
        var port = FreePorts.Next();
        Url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/health");
        _listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Url { get; }

    public int StatusCode
    {
        get => Volatile.Read(ref _statusCode);
        set => Volatile.Write(ref _statusCode, value);
    }

    public int Requests => Volatile.Read(ref _requests);

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            context.Response.StatusCode = StatusCode;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        await _serving;
        _stop.Dispose();
    }
}

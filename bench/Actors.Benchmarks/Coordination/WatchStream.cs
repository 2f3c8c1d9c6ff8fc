using System.Diagnostics;
using System.Threading.Channels;

namespace Actors.Benchmarks.Coordination;

/// <summary>
/// One open watch response, read line by line in the background: every key a line announces is queued with the
/// <see cref="Stopwatch"/> timestamp of its arrival, so the writer can time a put against its own clock.
/// </summary>
internal sealed class WatchStream : IAsyncDisposable
{
    /// <summary>A bound on queued arrivals nobody has read yet (the writer reads them all as it goes).</summary>
    private const int MaxQueued = 100_000;

    private readonly HttpResponseMessage _response;
    private readonly IDisposable _client;
    private readonly Func<string, IEnumerable<string>> _keysOfLine;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(string Key, long Timestamp)> _arrivals =
        Channel.CreateBounded<(string Key, long Timestamp)>(new BoundedChannelOptions(MaxQueued) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.DropOldest });

    private readonly Task _reading;

    /// <summary>
    /// Starts reading <paramref name="response"/>; <paramref name="keysOfLine"/> finds the changed keys in one line.
    /// This instance now owns the response and <paramref name="client"/>, the HTTP client it came from.
    /// </summary>
    public WatchStream(HttpResponseMessage response, Func<string, IEnumerable<string>> keysOfLine, IDisposable client)
    {
        _response = response;
        _client = client;
        _keysOfLine = keysOfLine;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>
    /// Waits for <paramref name="key"/>'s event and returns its arrival timestamp; earlier arrivals of other keys are
    /// skipped. Throws <see cref="CoordinationCallException"/> ("timeout") after <paramref name="timeout"/>, or when the stream ended.
    /// </summary>
    public async Task<long> WaitForAsync(string key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var (arrived, timestamp) = await _arrivals.Reader.ReadAsync(limit.Token);
                if (arrived == key)
                {
                    return timestamp;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CoordinationCallException("timeout", $"The watch did not deliver '{key}' within {timeout}.");
        }
        catch (ChannelClosedException ex)
        {
            throw new CoordinationCallException("stream ended", $"The watch stream ended before '{key}' arrived: {ex.InnerException?.Message ?? "closed by the server"}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        try
        {
            await _reading;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            // The stream was cut on purpose.
        }

        _stop.Dispose();
        _client.Dispose();
    }

    private async Task ReadAsync()
    {
        Exception? failure = null;
        try
        {
            await using var body = await _response.Content.ReadAsStreamAsync(_stop.Token);
            using var reader = new StreamReader(body);
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var timestamp = Stopwatch.GetTimestamp();
                foreach (var key in _keysOfLine(line))
                {
                    _arrivals.Writer.TryWrite((key, timestamp));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or ObjectDisposedException or OperationCanceledException or System.Text.Json.JsonException or FormatException)
        {
            failure = ex;
        }
        finally
        {
            _arrivals.Writer.TryComplete(failure is OperationCanceledException ? null : failure);
        }
    }
}

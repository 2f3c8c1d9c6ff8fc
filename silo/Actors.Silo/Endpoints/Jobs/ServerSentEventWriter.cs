using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>
/// Writes a <c>text/event-stream</c> response (the WHATWG server-sent events format): events with a name, an id and
/// data lines, and comment lines for keep-alives. Every write is flushed at once.
/// </summary>
internal sealed class ServerSentEventWriter(HttpResponse response)
{
    private readonly HttpResponse _response = response;

    /// <summary>Sends the headers: the stream has begun, and no problem answer is possible after this.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _response.StatusCode = StatusCodes.Status200OK;
        _response.ContentType = "text/event-stream; charset=utf-8";
        _response.Headers.CacheControl = "no-cache";
        // Reverse proxies (nginx) buffer responses unless told not to; an event stream must not be buffered.
        _response.Headers["X-Accel-Buffering"] = "no";
        _response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await _response.StartAsync(cancellationToken);
        await _response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>Writes one event; <paramref name="data"/> may span lines (each becomes a <c>data:</c> line).</summary>
    public Task WriteEventAsync(string eventName, string id, string data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = new StringBuilder();
        text.Append("event: ").Append(eventName).Append('\n');
        text.Append("id: ").Append(id).Append('\n');
        foreach (var line in data.Split('\n'))
        {
            text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        text.Append('\n');
        return WriteAsync(text.ToString(), cancellationToken);
    }

    /// <summary>Writes a comment line (ignored by clients; keeps idle connections and proxies alive).</summary>
    public Task WriteCommentAsync(string comment, CancellationToken cancellationToken) =>
        WriteAsync(": " + comment + "\n\n", cancellationToken);

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await _response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await _response.Body.FlushAsync(cancellationToken);
    }
}

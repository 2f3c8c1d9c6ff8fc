using System.Runtime.CompilerServices;
using System.Text;

namespace Actors.Client.Http;

/// <summary>
/// Parses a <c>text/event-stream</c> as the WHATWG HTML standard describes it: lines end with CR, LF or CRLF (which
/// may be split between network reads), <c>field: value</c> lines build an event, a blank line dispatches it, and
/// lines starting with a colon are comments (keep-alives).
/// </summary>
internal static class ServerSentEventReader
{
    /// <summary>The events of <paramref name="stream"/> until it ends.</summary>
    public static async IAsyncEnumerable<ServerSentEvent> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        string? eventName = null;
        string? id = null;
        var data = new StringBuilder();
        var hasData = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData)
                {
                    yield return new ServerSentEvent(eventName ?? "message", id, data.ToString());
                }

                eventName = null;
                data.Clear();
                hasData = false;
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            switch (field)
            {
                case "event":
                    eventName = value;
                    break;
                case "data":
                    if (hasData)
                    {
                        data.Append('\n');
                    }

                    data.Append(value);
                    hasData = true;
                    break;
                case "id" when !value.Contains('\0', StringComparison.Ordinal):
                    id = value;
                    break;
                default:
                    // "retry" and unknown fields: nothing this client uses.
                    break;
            }
        }
    }
}

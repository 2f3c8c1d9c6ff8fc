using System.Text;

namespace Actors.Silo.Tests.Coordination;

/// <summary>Reads server-sent events (event, id, data) from a streamed response, skipping comments.</summary>
internal sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    /// <summary>The next event, or null when the stream ended.</summary>
    public async Task<(string Event, string Id, string Data)?> NextAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        string? id = null;
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null || data.Length > 0)
                {
                    return (name ?? "message", id ?? string.Empty, data.ToString());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "event": name = value; break;
                case "id": id = value; break;
                case "data": data.Append(data.Length > 0 ? "\n" : string.Empty).Append(value); break;
            }
        }

        return null;
    }

    public void Dispose() => _reader.Dispose();
}

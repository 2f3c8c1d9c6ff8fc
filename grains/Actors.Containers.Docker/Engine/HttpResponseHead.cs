using System.Globalization;
using System.Text;

namespace Actors.Containers.Docker.Engine;

/// <summary>
/// The status line and headers of an HTTP/1.1 response, read by hand for the one request HttpClient cannot make: an
/// attach, whose connection is hijacked for the container's stdin and output after the head.
/// </summary>
/// <param name="StatusCode">The status code (101 when the engine upgraded the connection).</param>
/// <param name="ReasonPhrase">The reason phrase.</param>
/// <param name="Headers">The headers, by case-insensitive name (the last value wins).</param>
internal sealed record HttpResponseHead(int StatusCode, string ReasonPhrase, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The longest head accepted; an engine's attach head is a few hundred bytes.</summary>
    public const int MaxLength = 16 * 1024;

    private static ReadOnlySpan<byte> EndOfHead => "\r\n\r\n"u8;

    /// <summary>The Content-Length header, or null when absent or unreadable.</summary>
    public long? ContentLength =>
        Headers.TryGetValue("Content-Length", out var value) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? length
            : null;

    /// <summary>
    /// Reads a head from the start of <paramref name="data"/>. False when the head is not complete yet; otherwise
    /// <paramref name="length"/> is its size including the blank line, and what follows belongs to the body or stream.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not an HTTP/1.x response head, or it is longer than <see cref="MaxLength"/>.</exception>
    public static bool TryParse(ReadOnlySpan<byte> data, out HttpResponseHead? head, out int length)
    {
        head = null;
        length = 0;
        var end = data.IndexOf(EndOfHead);
        if (end < 0)
        {
            if (data.Length >= MaxLength)
            {
                throw new InvalidDataException($"The engine's response head is longer than {MaxLength} bytes.");
            }

            return false;
        }

        var lines = Encoding.Latin1.GetString(data[..end]).Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || status[1].Length != 3 || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new InvalidDataException($"The engine answered with something other than an HTTP/1.x status line: '{Truncate(lines[0])}'.");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"The engine's response has a malformed header line: '{Truncate(line)}'.");
            }

            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        head = new HttpResponseHead(code, status.Length > 2 ? status[2] : string.Empty, headers);
        length = end + EndOfHead.Length;
        return true;
    }

    private static string Truncate(string text) => text.Length <= 100 ? text : text[..100] + "...";
}

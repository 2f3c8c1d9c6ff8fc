using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;

namespace Actors.Grains.Jobs.Storage;

/// <summary>
/// A position in the newest-first job listing: the listing key (creation time in whole microseconds, job id) of the
/// last job on a page. Every store orders by this key, the PostgreSQL store in its <c>created_at</c> (microseconds)
/// and <c>id COLLATE "C"</c> (code point order) columns, so pages agree across stores. The opaque cursor handed out
/// is base64url of a version byte, the microseconds (big-endian) and the id in UTF-8.
/// </summary>
/// <param name="CreatedAtMicroseconds">Microseconds since 1970-01-01 UTC, rounded down (see <see cref="ToMicroseconds"/>).</param>
/// <param name="Id">The job id.</param>
public readonly record struct JobCursor(long CreatedAtMicroseconds, string Id) : IComparable<JobCursor>
{
    private const byte FormatVersion = 1;
    private const int HeaderBytes = 1 + sizeof(long);
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    private static readonly long MinMicroseconds = ToMicroseconds(DateTimeOffset.MinValue);
    private static readonly long MaxMicroseconds = ToMicroseconds(DateTimeOffset.MaxValue);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The listing key of <paramref name="job"/>.</summary>
    public static JobCursor Of(GrainInterfaces.Jobs.JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new JobCursor(ToMicroseconds(job.CreatedAt), job.Id);
    }

    /// <summary>
    /// A time as whole microseconds since 1970-01-01 UTC, rounded down: PostgreSQL's <c>timestamptz</c> resolution,
    /// so every store sorts sub-microsecond times alike.
    /// </summary>
    public static long ToMicroseconds(DateTimeOffset time) =>
        Math.DivRem(time.UtcTicks - DateTime.UnixEpoch.Ticks, TicksPerMicrosecond, out var remainder) - (remainder < 0 ? 1 : 0);

    /// <summary>The UTC time of <paramref name="microseconds"/> since 1970-01-01 UTC.</summary>
    public static DateTime FromMicroseconds(long microseconds) =>
        new(DateTime.UnixEpoch.Ticks + (microseconds * TicksPerMicrosecond), DateTimeKind.Utc);

    /// <summary>
    /// Orders job ids by Unicode code point, which is the byte order of their UTF-8 (PostgreSQL's "C" collation).
    /// Plain ordinal order differs where a surrogate pair meets a character from U+E000 to U+FFFF.
    /// </summary>
    public static int CompareIds(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return CodePointRank(x[i]) - CodePointRank(y[i]);
            }
        }

        return x.Length - y.Length;
    }

    /// <summary>Reads a cursor that a store handed out.</summary>
    /// <exception cref="InvalidJobCursorException">The text is not such a cursor.</exception>
    public static JobCursor Parse(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException ex)
        {
            throw Invalid("it is not base64url", ex);
        }

        if (bytes.Length <= HeaderBytes || bytes[0] != FormatVersion)
        {
            throw Invalid("it has the wrong length or format", null);
        }

        string id;
        try
        {
            id = StrictUtf8.GetString(bytes, HeaderBytes, bytes.Length - HeaderBytes);
        }
        catch (ArgumentException ex)
        {
            throw Invalid("its job id is not UTF-8", ex);
        }

        var microseconds = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
        if (microseconds < MinMicroseconds || microseconds > MaxMicroseconds || id.Length == 0)
        {
            throw Invalid("its time or job id is out of range", null);
        }

        return new JobCursor(microseconds, id);
    }

    /// <summary>The opaque text of this cursor (URL-safe, no padding).</summary>
    public string Encode()
    {
        var bytes = new byte[HeaderBytes + StrictUtf8.GetByteCount(Id)];
        bytes[0] = FormatVersion;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), CreatedAtMicroseconds);
        StrictUtf8.GetBytes(Id, bytes.AsSpan(HeaderBytes));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Listing order, oldest first: by time, then by id in code point order.</summary>
    public int CompareTo(JobCursor other)
    {
        var byTime = CreatedAtMicroseconds.CompareTo(other.CreatedAtMicroseconds);
        return byTime != 0 ? byTime : CompareIds(Id, other.Id);
    }

    // Surrogates (U+D800-U+DFFF) stand for code points above U+FFFF: ranked after U+E000-U+FFFF, as UTF-8 sorts them.
    private static int CodePointRank(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;

    private static InvalidJobCursorException Invalid(string why, Exception? inner) =>
        inner is null
            ? new InvalidJobCursorException($"The cursor is not one a job listing handed out: {why}.")
            : new InvalidJobCursorException($"The cursor is not one a job listing handed out: {why}.", inner);
}

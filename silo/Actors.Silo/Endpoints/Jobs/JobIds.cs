using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>Job ids, idempotency keys and submitter names as the API accepts and derives them.</summary>
internal static partial class JobIds
{
    /// <summary>The longest job id accepted in a path.</summary>
    public const int MaxIdLength = 100;

    /// <summary>The longest idempotency key.</summary>
    public const int MaxIdempotencyKeyLength = 255;

    /// <summary>The longest submitter name (header <c>X-Submitter</c>).</summary>
    public const int MaxSubmitterLength = 128;

    /// <summary>The submitter when the caller gives none and has no address.</summary>
    public const string AnonymousSubmitter = "anonymous";

    /// <summary>The message for an invalid id.</summary>
    public const string InvalidIdMessage = "must be 1 to 100 characters of letters, digits, '-' and '_'";

    /// <summary>Whether <paramref name="id"/> can be a job id: 1 to 100 of <c>[A-Za-z0-9_-]</c>.</summary>
    public static bool IsValid(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>A new, time-ordered id: <c>j-</c> and a version 7 GUID in 32 hex digits.</summary>
    public static string New(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return "j-" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
    }

    /// <summary>
    /// The id an idempotent submission gets: <c>j-</c> and the lower-hex first 16 bytes of
    /// SHA-256(submitter + "\n" + key). The same submitter and key always give the same id.
    /// </summary>
    public static string FromIdempotencyKey(string submitter, string key)
    {
        ArgumentNullException.ThrowIfNull(submitter);
        ArgumentNullException.ThrowIfNull(key);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(submitter + "\n" + key));
        return "j-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>Whether <paramref name="key"/> is 1 to 255 visible ASCII characters (no spaces, no controls).</summary>
    public static bool IsValidIdempotencyKey(string key) =>
        key.Length is > 0 and <= MaxIdempotencyKeyLength && key.All(c => c is > ' ' and <= '~');

    /// <summary>Whether <paramref name="submitter"/> is 1 to 128 printable ASCII characters, not starting or ending with a space.</summary>
    public static bool IsValidSubmitter(string submitter) =>
        submitter.Length is > 0 and <= MaxSubmitterLength
        && submitter.All(c => c is >= ' ' and <= '~')
        && submitter[0] != ' ' && submitter[^1] != ' ';

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}

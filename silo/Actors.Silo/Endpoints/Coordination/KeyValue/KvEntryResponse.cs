using System.Text;
using Actors.GrainInterfaces.Coordination.KeyValue;

namespace Actors.Silo.Endpoints.Coordination.KeyValue;

/// <summary>A key/value entry as the JSON answers show it.</summary>
/// <param name="Key">The key.</param>
/// <param name="ValueBase64">The value's bytes in base64.</param>
/// <param name="Value">The value as text when it is valid UTF-8, else null.</param>
/// <param name="CreateRevision">The revision that created the key.</param>
/// <param name="ModRevision">The revision of its last change (the compare-and-set revision).</param>
/// <param name="Version">How many times it was written since it was created.</param>
/// <param name="Session">The session of an ephemeral key, else null.</param>
internal sealed record KvEntryResponse(
    string Key, string ValueBase64, string? Value, long CreateRevision, long ModRevision, long Version, string? Session)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The API's view of <paramref name="entry"/>.</summary>
    public static KvEntryResponse From(KvEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new KvEntryResponse(
            entry.Key, Convert.ToBase64String(entry.Value), TextOf(entry.Value), entry.CreateRevision, entry.ModRevision, entry.Version, entry.SessionId);
    }

    /// <summary>Null when <paramref name="entry"/> is null.</summary>
    public static KvEntryResponse? FromNullable(KvEntry? entry) => entry is null ? null : From(entry);

    private static string? TextOf(byte[] value)
    {
        try
        {
            return StrictUtf8.GetString(value);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

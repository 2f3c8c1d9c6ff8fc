using System.Text;
using Actors.GrainInterfaces.Coordination.KeyValue;

namespace Actors.Grains.Coordination.KeyValue;

/// <summary>Checks the key/value store's arguments against <see cref="KvLimits"/>, with messages the REST layer shows as 400.</summary>
internal static class KvArguments
{
    public static void ValidateKey(string? key, string parameter)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("The key is empty; a key is 1 to 1024 UTF-8 bytes.", parameter);
        }

        ValidateLength(key, parameter);
    }

    public static void ValidatePrefix(string? prefix, string parameter)
    {
        if (prefix is null)
        {
            throw new ArgumentException("The prefix is missing (pass an empty prefix for every key).", parameter);
        }

        ValidateLength(prefix, parameter);
    }

    public static void ValidatePut(KvPut? put)
    {
        if (put is null)
        {
            throw new ArgumentException("The put is missing.", nameof(put));
        }

        ValidateKey(put.Key, nameof(put));
        if (put.Value is null)
        {
            throw new ArgumentException($"The value of key '{put.Key}' is missing (an empty value is allowed).", nameof(put));
        }

        if (put.Value.Length > KvLimits.MaxValueBytes)
        {
            throw new ArgumentException($"The value of key '{put.Key}' is {put.Value.Length} bytes; the most is {KvLimits.MaxValueBytes}.", nameof(put));
        }

        ValidateExpected(put.ExpectedRevision, nameof(put));
        if (put.SessionId is { Length: 0 })
        {
            throw new ArgumentException("The session id is empty; pass null for a lasting key.", nameof(put));
        }
    }

    public static void ValidateExpected(long? expectedRevision, string parameter)
    {
        if (expectedRevision is < 0)
        {
            throw new ArgumentException($"The expected revision is {expectedRevision}; it is 0 (must not exist) or a key's modification revision.", parameter);
        }
    }

    public static void ValidateRangeLimit(int limit)
    {
        if (limit is < 1 or > KvLimits.MaxRangeLimit)
        {
            throw new ArgumentException($"The range limit is {limit}; it must be 1 to {KvLimits.MaxRangeLimit}.", nameof(limit));
        }
    }

    public static void ValidateWatch(KvWatchRequest? request)
    {
        if (request is null)
        {
            throw new ArgumentException("The watch request is missing.", nameof(request));
        }

        if (request.IsPrefix)
        {
            ValidatePrefix(request.Key, nameof(request));
        }
        else
        {
            ValidateKey(request.Key, nameof(request));
        }

        if (request.FromRevision < 1)
        {
            throw new ArgumentException($"The watch's FromRevision is {request.FromRevision}; revisions start at 1 (watch from the store's revision + 1 for new changes only).", nameof(request));
        }

        if (request.MaxWait < TimeSpan.Zero || request.MaxWait > KvLimits.MaxWatchWait)
        {
            throw new ArgumentException($"The watch's MaxWait is {request.MaxWait}; it must be 0 to {KvLimits.MaxWatchWait}.", nameof(request));
        }

        if (request.MaxEvents is < 1 or > KvLimits.MaxWatchEvents)
        {
            throw new ArgumentException($"The watch's MaxEvents is {request.MaxEvents}; it must be 1 to {KvLimits.MaxWatchEvents}.", nameof(request));
        }
    }

    private static void ValidateLength(string key, string parameter)
    {
        // Counting bytes only when the characters could exceed the limit keeps short keys cheap.
        if (key.Length * 3 > KvLimits.MaxKeyBytes && Encoding.UTF8.GetByteCount(key) > KvLimits.MaxKeyBytes)
        {
            throw new ArgumentException($"The key '{key[..32]}...' is {Encoding.UTF8.GetByteCount(key)} UTF-8 bytes; the most is {KvLimits.MaxKeyBytes}.", parameter);
        }
    }
}

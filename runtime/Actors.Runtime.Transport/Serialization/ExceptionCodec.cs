using System.Buffers;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace Actors.Transport.Serialization;

/// <summary>
/// Carries a grain call's exception across processes: its type, message, stack trace and inner exceptions. The
/// receiver recreates the same type when it can (only <see cref="Exception"/> types, only through their
/// (message, inner) or (message) constructor), otherwise a <see cref="RemoteGrainException"/> naming the type.
/// </summary>
public static class ExceptionCodec
{
    private const int MaxDepth = 4;

    /// <summary>Writes <paramref name="exception"/> (and up to a few inner exceptions).</summary>
    public static void Write(Exception exception, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(exception);
        using var writer = new Utf8JsonWriter(output);
        WriteOne(writer, exception, 0);
    }

    /// <summary>Reads an exception written by <see cref="Write"/>; malformed input gives a <see cref="RemoteGrainException"/>.</summary>
    public static Exception Read(ReadOnlySpan<byte> input)
    {
        try
        {
            using var document = JsonDocument.Parse(input.ToArray());
            return ReadOne(document.RootElement, 0);
        }
        catch (JsonException ex)
        {
            return new RemoteGrainException("The remote error could not be read.", ex);
        }
    }

    private static void WriteOne(Utf8JsonWriter writer, Exception exception, int depth)
    {
        var type = exception.GetType();
        writer.WriteStartObject();
        // A relayed remote exception keeps naming its original type, hop after hop.
        writer.WriteString("type", exception is RemoteGrainException { OriginalType: { } original } ? original : type.FullName + ", " + type.Assembly.GetName().Name);
        writer.WriteString("message", exception is RemoteGrainException { OriginalType: not null } remote ? RemoteMessage(remote) : exception.Message);
        if (exception.StackTrace is { } stack)
        {
            writer.WriteString("stack", stack);
        }

        if (exception.InnerException is { } inner && depth < MaxDepth)
        {
            writer.WritePropertyName("inner");
            WriteOne(writer, inner, depth + 1);
        }

        writer.WriteEndObject();
    }

    private static string RemoteMessage(RemoteGrainException remote) =>
        remote.Message.StartsWith(remote.OriginalType + ": ", StringComparison.Ordinal) ? remote.Message[(remote.OriginalType!.Length + 2)..] : remote.Message;

    private static Exception ReadOne(JsonElement element, int depth)
    {
        var typeName = element.TryGetProperty("type", out var t) ? t.GetString() ?? "Exception" : "Exception";
        var message = element.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
        var stack = element.TryGetProperty("stack", out var s) ? s.GetString() : null;
        var inner = depth < MaxDepth && element.TryGetProperty("inner", out var i) && i.ValueKind == JsonValueKind.Object ? ReadOne(i, depth + 1) : null;

        var exception = Create(typeName, message, inner);
        if (stack is not null)
        {
            try
            {
                ExceptionDispatchInfo.SetRemoteStackTrace(exception, stack);
            }
            catch (InvalidOperationException)
            {
                // The exception was already thrown or had a stack trace: keep it as it is.
            }
        }

        return exception;
    }

    private static Exception Create(string typeName, string message, Exception? inner)
    {
        var type = Type.GetType(typeName, throwOnError: false);
        if (type is not null && typeof(Exception).IsAssignableFrom(type) && !type.IsAbstract)
        {
            try
            {
                if (type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, [typeof(string), typeof(Exception)]) is { } withInner)
                {
                    return (Exception)withInner.Invoke([message, inner]);
                }

                if (inner is null && type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, [typeof(string)]) is { } withMessage)
                {
                    return (Exception)withMessage.Invoke([message]);
                }
            }
            catch (TargetInvocationException)
            {
                // Fall through to the generic form.
            }
        }

        var comma = typeName.IndexOf(',', StringComparison.Ordinal);
        return new RemoteGrainException(comma > 0 ? typeName[..comma] : typeName, message, inner);
    }
}

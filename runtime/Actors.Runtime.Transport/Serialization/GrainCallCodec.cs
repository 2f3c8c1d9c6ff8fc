using System.Buffers;
using Actors.Invocation;
using Actors.Serialization;

namespace Actors.Transport.Serialization;

/// <summary>
/// The bodies of grain-call messages, the same in silos and cluster clients: a request's arguments, a result, an
/// error. Arguments and results are length-prefixed fields of the serializer; errors go through <see cref="ExceptionCodec"/>.
/// </summary>
public static class GrainCallCodec
{
    /// <summary>The request's arguments.</summary>
    public static ReadOnlyMemory<byte> WriteArguments(GrainRequest request, ISerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(serializer);
        if (request.ArgumentCount == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        request.WriteArguments(serializer.CreateFieldWriter(buffer));
        return buffer.WrittenMemory;
    }

    /// <summary>Makes the request for <paramref name="interfaceName"/>.<paramref name="signature"/> with the arguments in <paramref name="body"/>.</summary>
    /// <exception cref="InvalidOperationException">No loaded assembly describes that method.</exception>
    public static GrainRequest ReadRequest(GrainInterfaceRegistry interfaces, string interfaceName, string signature, ReadOnlyMemory<byte> body, ISerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(interfaces);
        ArgumentNullException.ThrowIfNull(serializer);
        var method = interfaces.FindMethod(interfaceName, signature)
            ?? throw new InvalidOperationException($"Unknown grain method {interfaceName}.{signature}: no assembly loaded here has generated code for it.");
        var request = method.CreateRequest();
        if (request.ArgumentCount > 0)
        {
            request.ReadArguments(serializer.CreateFieldReader(body));
        }

        return request;
    }

    /// <summary>A result of <paramref name="request"/>, boxed.</summary>
    public static ReadOnlyMemory<byte> WriteResult(GrainRequest request, object? result, ISerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(serializer);
        var buffer = new ArrayBufferWriter<byte>(64);
        request.WriteBoxedResult(result, serializer.CreateFieldWriter(buffer));
        return buffer.WrittenMemory;
    }

    /// <summary>Reads a result written by <see cref="WriteResult"/> as <typeparamref name="TResult"/>.</summary>
    public static TResult ReadResult<TResult>(ReadOnlyMemory<byte> body, ISerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return serializer.CreateFieldReader(body).Read<TResult>();
    }

    /// <summary>An error.</summary>
    public static ReadOnlyMemory<byte> WriteError(Exception exception)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        ExceptionCodec.Write(exception, buffer);
        return buffer.WrittenMemory;
    }

    /// <summary>Reads an error written by <see cref="WriteError"/>.</summary>
    public static Exception ReadError(ReadOnlyMemory<byte> body) => ExceptionCodec.Read(body.Span);
}

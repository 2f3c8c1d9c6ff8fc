using Actors.Invocation;
using Actors.Runtime.Messaging;
using Actors.Serialization;
using Actors.Transport;
using Actors.Transport.Serialization;

namespace Actors.Runtime.Networking;

/// <summary>The response message of a finished call, for the sinks that answer over the network (other silos, clients).</summary>
internal static class WireOutcome
{
    /// <summary>A response carrying <paramref name="result"/>, or an error response when it cannot be serialized.</summary>
    public static (WireMessageKind Kind, ReadOnlyMemory<byte> Body) OfResult(GrainRequest request, object? result, ISerializer serializer)
    {
        try
        {
            return (WireMessageKind.Response, GrainCallCodec.WriteResult(request, result, serializer));
        }
        catch (Exception ex)
        {
            return (WireMessageKind.ErrorResponse, GrainCallCodec.WriteError(
                new InvalidOperationException($"The result of {request} could not be serialized: {ex.Message}", ex)));
        }
    }

    /// <summary>The response to a completed invocation: its result, or its exception.</summary>
    public static (WireMessageKind Kind, ReadOnlyMemory<byte> Body) Of(GrainRequest request, Task invocation, ISerializer serializer) =>
        invocation.IsCompletedSuccessfully
            ? OfResult(request, request.GetBoxedResult(invocation), serializer)
            : (WireMessageKind.ErrorResponse, GrainCallCodec.WriteError(ResponseCompletion.ErrorOf(invocation)));
}

using System.IO.Pipelines;

namespace Actors.Transport;

/// <summary>Reads the peer's handshake message (preamble or refusal) from a connection's pipe.</summary>
internal static class Handshake
{
    /// <summary>Reads one handshake message, leaving any bytes after it (early frames) unconsumed in the pipe.</summary>
    /// <exception cref="WireProtocolException">The bytes are not a handshake, or the peer closed before sending one.</exception>
    public static async Task<(ConnectionPreamble? Preamble, string? Refusal)> ReadAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            bool complete;
            ConnectionPreamble? preamble;
            string? refusal;
            try
            {
                complete = ConnectionPreambleCodec.TryRead(ref buffer, out preamble, out refusal);
            }
            catch
            {
                input.AdvanceTo(buffer.Start);
                throw;
            }

            if (complete)
            {
                // Consumed and examined only up to the handshake: frames behind it must wake the next reader at once.
                input.AdvanceTo(buffer.Start);
                return (preamble, refusal);
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                throw new WireProtocolException($"The peer closed the connection during the handshake ({buffer.Length} bytes received).");
            }
        }
    }
}

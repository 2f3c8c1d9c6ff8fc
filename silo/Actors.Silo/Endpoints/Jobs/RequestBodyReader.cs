using Microsoft.AspNetCore.Http.Features;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>
/// Reads a whole request body into memory up to a limit. Kestrel's own body limit is lifted for the request (when
/// still possible) so that the limit here decides, and a body over it becomes a 413 problem instead of an exception.
/// </summary>
internal static class RequestBodyReader
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    /// <exception cref="BadHttpRequestException">The body could not be read (for example, the client stopped sending).</exception>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return null;
        }

        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit + 1;
        }

        try
        {
            using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }
}

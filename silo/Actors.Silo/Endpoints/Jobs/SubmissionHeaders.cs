using System.Net;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>Reads and checks the submission headers <c>X-Submitter</c> and <c>Idempotency-Key</c>.</summary>
internal static class SubmissionHeaders
{
    /// <summary>The header naming the submitter.</summary>
    public const string Submitter = "X-Submitter";

    /// <summary>The header carrying the idempotency key.</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>The caller; a wrong header is added to <paramref name="errors"/> under the header's name.</summary>
    public static SubmissionCaller Read(HttpContext context, ErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(errors);
        var headers = context.Request.Headers;

        string? submitter = null;
        if (headers.TryGetValue(Submitter, out var submitterValues))
        {
            if (submitterValues.Count != 1 || !JobIds.IsValidSubmitter(submitterValues[0] ?? string.Empty))
            {
                errors.Add(Submitter, "must be given once, 1 to 128 printable ASCII characters, not starting or ending with a space");
            }
            else
            {
                submitter = submitterValues[0];
            }
        }

        string? key = null;
        if (headers.TryGetValue(IdempotencyKey, out var keyValues))
        {
            if (keyValues.Count != 1 || !JobIds.IsValidIdempotencyKey(keyValues[0] ?? string.Empty))
            {
                errors.Add(IdempotencyKey, "must be given once, 1 to 255 visible ASCII characters (no spaces)");
            }
            else
            {
                key = keyValues[0];
            }
        }

        return new SubmissionCaller(submitter ?? AddressOf(context.Connection.RemoteIpAddress), key);
    }

    private static string AddressOf(IPAddress? address) => address switch
    {
        null => JobIds.AnonymousSubmitter,
        { IsIPv4MappedToIPv6: true } => address.MapToIPv4().ToString(),
        _ => address.ToString(),
    };
}

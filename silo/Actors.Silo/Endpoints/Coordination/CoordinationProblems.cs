using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Silo.Endpoints.Coordination;

/// <summary>The RFC 9457 problem answers of the coordination API other than 400 (those come from <c>JobProblems</c>).</summary>
internal static class CoordinationProblems
{
    /// <summary>404: the session does not exist or has ended.</summary>
    public static ProblemHttpResult UnknownSession(string sessionId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "The session does not exist.",
        detail: $"No live session has the id '{sessionId}' (it never existed, expired or was closed).",
        extensions: new Dictionary<string, object?> { ["session"] = sessionId });

    /// <summary>404 of any other kind.</summary>
    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    /// <summary>409 with optional extension members.</summary>
    public static ProblemHttpResult Conflict(string title, string? detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail, extensions: extensions);

    /// <summary>410: a watch asked for history that was compacted away.</summary>
    public static ProblemHttpResult Compacted(long compactedRevision) => TypedResults.Problem(
        statusCode: StatusCodes.Status410Gone,
        title: "The revision has been compacted.",
        detail: $"Revisions up to {compactedRevision.ToString(CultureInfo.InvariantCulture)} are no longer retained; " +
                $"watch from revision {(compactedRevision + 1).ToString(CultureInfo.InvariantCulture)} or later.",
        extensions: new Dictionary<string, object?> { ["compactedRevision"] = compactedRevision });
}

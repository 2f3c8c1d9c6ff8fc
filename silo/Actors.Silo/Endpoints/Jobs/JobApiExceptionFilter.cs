namespace Actors.Silo.Endpoints.Jobs;

/// <summary>
/// Keeps failures the global exception handler would turn into a 500 from doing so on the jobs API: an unreadable
/// body is the client's (its own status, 400 or 413), an offline node is a 503, and a client that went away gets
/// nothing. Silo-unavailable (503), deadline (504) and overload (429) are left to <c>GrainCallExceptionHandler</c>.
/// </summary>
internal sealed partial class JobApiExceptionFilter(ILogger<JobApiExceptionFilter> logger) : IEndpointFilter
{
    private readonly ILogger<JobApiExceptionFilter> _logger = logger;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (BadHttpRequestException ex)
        {
            return ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TypedResults.Problem(statusCode: ex.StatusCode, title: "The request body is too large.", detail: ex.Message)
                : TypedResults.Problem(statusCode: ex.StatusCode, title: "The request could not be read.", detail: ex.Message);
        }
        catch (NodeOfflineException ex)
        {
            Log.NodeOffline(_logger, http.Request.Path, ex.Message);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "An executor node the request needed is offline.",
                detail: ex.Message);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody reads an answer.
            return TypedResults.Empty;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(JobsApiEventIds.NodeOffline, LogLevel.Warning, "Request {Path} needed an offline node: {Detail}")]
        public static partial void NodeOffline(ILogger logger, PathString path, string detail);
    }
}

using Actors.Silo.Hosting;
using Microsoft.AspNetCore.Diagnostics;

namespace Actors.Silo.ErrorHandling;

/// <summary>
/// Maps runtime failures that reach the API to problem responses a client can act on: overloaded 429 (retry
/// later), silo unavailable 503, deadline passed 504. Anything else is a 500 problem, and is logged.
/// </summary>
internal sealed partial class GrainCallExceptionHandler(IProblemDetailsService problems, ILogger<GrainCallExceptionHandler> logger) : IExceptionHandler
{
    private readonly IProblemDetailsService _problems = problems;
    private readonly ILogger<GrainCallExceptionHandler> _logger = logger;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            GrainOverloadedException => (StatusCodes.Status429TooManyRequests, "The cluster is overloaded; retry later."),
            SiloUnavailableException => (StatusCodes.Status503ServiceUnavailable, "A silo the request needed is unavailable."),
            TimeoutException => (StatusCodes.Status504GatewayTimeout, "The request did not complete within its deadline."),
            _ => (StatusCodes.Status500InternalServerError, "The request failed inside the silo."),
        };

        if (status == StatusCodes.Status500InternalServerError)
        {
            Log.Unhandled(_logger, httpContext.Request.Path, exception);
        }

        if (status == StatusCodes.Status429TooManyRequests)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        httpContext.Response.StatusCode = status;
        return await _problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = status == StatusCodes.Status500InternalServerError ? null : exception.Message,
                Extensions = { ["traceId"] = httpContext.TraceIdentifier },
            },
        });
    }

    private static partial class Log
    {
        [LoggerMessage(SiloEventIds.UnhandledRequestError, LogLevel.Error, "Request {Path} failed")]
        public static partial void Unhandled(ILogger logger, PathString path, Exception exception);
    }
}

using Actors.Silo.Endpoints.Jobs;

namespace Actors.Silo.Endpoints.Coordination;

/// <summary>
/// Turns an <see cref="ArgumentException"/> from a coordination grain (a bad name, a TTL out of range) into a 400
/// problem naming the argument, instead of the 500 the global handler would answer. Runs inside the jobs API's
/// <see cref="JobApiExceptionFilter"/>, which handles unreadable bodies and clients that went away.
/// </summary>
internal sealed class CoordinationApiExceptionFilter : IEndpointFilter
{
    /// <summary>The field named when the exception does not name its argument.</summary>
    public const string RequestField = "request";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (ArgumentException ex)
        {
            return JobProblems.InvalidField(string.IsNullOrEmpty(ex.ParamName) ? RequestField : ex.ParamName, MessageOf(ex));
        }
    }

    private static string MessageOf(ArgumentException ex)
    {
        var text = ex.Message;
        var cut = text.IndexOf(" (Parameter '", StringComparison.Ordinal);
        text = (cut >= 0 ? text[..cut] : text).Trim().TrimEnd('.');
        return text.Length == 0 ? "is invalid" : text;
    }
}

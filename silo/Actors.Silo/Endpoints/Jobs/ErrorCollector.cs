namespace Actors.Silo.Endpoints.Jobs;

/// <summary>Field errors of one request, keyed by the field's name as the client sent it (the problem's <c>errors</c>).</summary>
internal sealed class ErrorCollector
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>The number of messages so far.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a message about <paramref name="field"/>.</summary>
    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
        Count++;
    }

    /// <summary>The errors in the shape of <c>HttpValidationProblemDetails.Errors</c>.</summary>
    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}

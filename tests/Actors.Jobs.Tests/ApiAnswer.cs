using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Actors.Jobs.Tests;

/// <summary>An API answer: status, body as JSON (when it is JSON) and as text, headers.</summary>
internal sealed record ApiAnswer(HttpStatusCode Status, JsonObject? Json, string Text, HttpResponseHeaders Headers)
{
    public JsonObject Body => Json ?? throw new InvalidOperationException($"Expected a JSON body, got {(int)Status}: {Text}");

    public string JobId => Body["id"]!.GetValue<string>();
}

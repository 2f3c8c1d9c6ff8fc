using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Actors.Silo.Tests.Jobs;

/// <summary>Assertions on RFC 9457 problem answers.</summary>
internal static class ProblemAssert
{
    /// <summary>Asserts a problem with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>Asserts a problem with <paramref name="status"/> whose <c>errors</c> name <paramref name="field"/>; returns the messages.</summary>
    public static async Task<string[]> NamesFieldAsync(HttpResponseMessage response, string field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var problem = await IsProblemAsync(response, status);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"The problem has no errors: {problem}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"The problem's errors do not name '{field}': {errors}");
        var texts = messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        return texts;
    }

    /// <summary>A JSON body.</summary>
    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>Reads a JSON answer.</summary>
    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
}

using System.Net;
using System.Text.Json;
using Actors.Silo.Tests.Jobs;

namespace Actors.Silo.Tests.Coordination;

/// <summary>Small HTTP helpers for the coordination API tests.</summary>
internal static class CoordinationClient
{
    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>Creates a session with <paramref name="ttlSeconds"/> and returns its id.</summary>
    public static async Task<string> CreateSessionAsync(HttpClient client, int ttlSeconds = 60)
    {
        using var response = await client.PostAsync(Url("/v1/sessions"), ProblemAssert.Json($$"""{"ttlSeconds": {{ttlSeconds}}}"""), Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ProblemAssert.ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Url(path)) { Content = content };
        return await client.SendAsync(request, Token);
    }

    /// <summary>A name no other test uses.</summary>
    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 but got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

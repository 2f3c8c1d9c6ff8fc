using System.Net;
using System.Net.Http.Json;
using Actors.Silo.Endpoints;

namespace Actors.Silo.Tests;

public sealed class SiloEndpointsTests(SiloApiFactory factory) : IClassFixture<SiloApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Health_RunsAGrainTurn_AndAnswersHealthy()
    {
        using var response = await _client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SiloStatus_DescribesTheSiloAndItsStorage()
    {
        var status = await _client.GetFromJsonAsync<SiloStatusResponse>(new Uri("/v1/silo", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.NotNull(status);
        Assert.Equal(factory.ClusterId, status.ClusterId);
        Assert.Equal("api-node", status.NodeName);
        Assert.Equal("memory", status.Storage);
        Assert.StartsWith("127.0.0.1:", status.SiloAddress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_AnswersAProblem()
    {
        using var response = await _client.GetAsync(new Uri("/v1/nothing-here", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }
}

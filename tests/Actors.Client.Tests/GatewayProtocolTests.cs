using System.Collections.Concurrent;
using System.Text.Json;
using Actors.Client.Tests.Support;
using Actors.Transport;
using Actors.Transport.Serialization;

namespace Actors.Client.Tests;

/// <summary>The gateway's side of the protocol, spoken by hand over a raw framed connection.</summary>
public sealed class GatewayProtocolTests(ClientClusterFixture fixture) : IClassFixture<ClientClusterFixture>
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<WireMessage>> _answers = new();

    [Fact]
    public async Task ManifestRequest_DescribesTheSilosGrainClasses()
    {
        await using var connection = await ConnectAsync(ConnectionRole.Client);

        var answer = await AskAsync(connection, new WireMessage { Kind = WireMessageKind.SystemRequest, CorrelationId = 1, InterfaceName = "manifest" });

        Assert.Equal(WireMessageKind.SystemResponse, answer.Kind);
        using var manifest = JsonDocument.Parse(answer.Body);
        var echo = manifest.RootElement.GetProperty("grainClasses").EnumerateArray().Single(c => c.GetProperty("grainType").GetString() == "echo");
        Assert.Equal("Actors.Client.Tests.Grains.EchoGrain", echo.GetProperty("className").GetString());
        Assert.Equal(["Actors.Client.Tests.Grains.IEchoGrain"], echo.GetProperty("interfaces").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task UnknownSystemRequest_IsAnsweredWithNotSupported()
    {
        await using var connection = await ConnectAsync(ConnectionRole.Client);

        var answer = await AskAsync(connection, new WireMessage { Kind = WireMessageKind.SystemRequest, CorrelationId = 2, InterfaceName = "reboot" });

        Assert.Equal(WireMessageKind.ErrorResponse, answer.Kind);
        var error = Assert.IsType<NotSupportedException>(GrainCallCodec.ReadError(answer.Body));
        Assert.Contains("'reboot'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestForAnUnknownMethod_IsAnsweredWithAnError()
    {
        await using var connection = await ConnectAsync(ConnectionRole.Client);

        var answer = await AskAsync(connection, new WireMessage
        {
            Kind = WireMessageKind.Request,
            CorrelationId = 3,
            TargetGrain = new GrainId(new GrainType("echo"), "raw"),
            InterfaceName = "No.Such.IGrain",
            MethodSignature = "DoAsync()",
            TimeoutMilliseconds = 5_000,
        });

        Assert.Equal(WireMessageKind.ErrorResponse, answer.Kind);
        var error = Assert.IsType<InvalidOperationException>(GrainCallCodec.ReadError(answer.Body));
        Assert.Contains("No.Such.IGrain.DoAsync()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiloConnectingToTheGatewayPort_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ConnectionRefusedException>(() => ConnectAsync(ConnectionRole.Silo));

        Assert.True(error.RefusedByRemote);
        Assert.Contains("silos connect to its silo port", error.Reason, StringComparison.Ordinal);
    }

    private Task<FramedConnection> ConnectAsync(ConnectionRole role) =>
        FramedConnector.ConnectAsync(
            ClientCluster.GatewayOf(fixture.Cluster.Silos[0]),
            new ConnectionPreamble(role, fixture.Cluster.Options.ClusterId, role == ConnectionRole.Silo ? fixture.Cluster.Silos[1].Address : null, "raw-test"),
            static _ => null,
            (_, message) => _answers.GetOrAdd(message.CorrelationId, static _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(message),
            null,
            new FramedConnectionOptions(),
            Wait.Token);

    private async Task<WireMessage> AskAsync(FramedConnection connection, WireMessage request)
    {
        var answer = _answers.GetOrAdd(request.CorrelationId, static _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        await connection.SendAsync(request, Wait.Token);
        return await Wait.ForAsync(answer.Task, $"the answer to {request}");
    }
}

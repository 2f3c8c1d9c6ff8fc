using System.Diagnostics;
using Actors.Client.Tests.Grains;
using Actors.Client.Tests.Support;

namespace Actors.Client.Tests;

/// <summary>Grain calls from a cluster client through a gateway behave as calls inside a silo: values, references, keys.</summary>
public sealed class ClusterClientCallTests(ClientClusterFixture fixture) : IClassFixture<ClientClusterFixture>
{
    private ClusterClient Client => fixture.Client;

    [Fact]
    public async Task Call_WithStringArgument_ReturnsTheGrainsResult()
    {
        var result = await Client.GetGrain<IEchoGrain>("plain").EchoAsync("hello");

        Assert.Equal("plain:hello", result);
    }

    [Fact]
    public async Task Call_WithRecordArgument_RoundTripsNestedValues()
    {
        var order = new Order("o-1", [new OrderLine("apple", 3), new OrderLine("pear", 2)], 12.50m, Note: null);

        var result = await Client.GetGrain<IEchoGrain>("record").RoundTripAsync(order);

        Assert.NotNull(result);
        Assert.Equal("o-1", result.Id);
        Assert.Equal(12.50m, result.Total);
        Assert.Null(result.Note);
        Assert.Equal([new OrderLine("apple", 3), new OrderLine("pear", 2), new OrderLine("echoed", 1)], result.Lines);
    }

    [Fact]
    public async Task Call_WithListArgument_ReturnsTheList()
    {
        var result = await Client.GetGrain<IEchoGrain>("list").ReverseAsync([1, 2, 3, 4]);

        Assert.Equal([4, 3, 2, 1], result);
    }

    [Fact]
    public async Task Call_WithNullArgumentsAndResults_KeepsThemNull()
    {
        var grain = Client.GetGrain<IEchoGrain>("null");

        Assert.Null(await grain.RoundTripAsync(null));
        Assert.Null(await grain.EchoNullableAsync(null));
        Assert.Equal(string.Empty, await grain.EchoNullableAsync(string.Empty));
    }

    [Fact]
    public async Task GrainReference_PassedAsArgument_IsCallableInsideTheCluster()
    {
        var target = Client.GetGrain<IEchoGrain>("ref-target");

        var result = await Client.GetGrain<IEchoGrain>("ref-caller").CallOtherAsync(target, "via reference");

        Assert.Equal("ref-target:via reference", result);
    }

    [Fact]
    public async Task GrainReference_ReturnedAsResult_IsCallableFromTheClient()
    {
        var partner = await Client.GetGrain<IEchoGrain>("ref-source").GetPartnerAsync("ref-partner");

        Assert.Equal("echo/ref-partner", partner.GetGrainId().ToString());
        Assert.Equal("ref-partner:back", await partner.EchoAsync("back"));
    }

    [Fact]
    public async Task Call_ToGrainOnAnotherSilo_IsRelayedByTheGateway()
    {
        var grain = Client.GetGrain<IPinnedGrain>(fixture.RemoteNode);

        var result = await grain.RoundTripAsync(new Order("o-2", [new OrderLine("plum", 1)], 1m, Note: null));

        Assert.Equal(fixture.RemoteNode, await grain.GetNodeAsync());
        Assert.Equal("via " + fixture.RemoteNode, result.Note);
        Assert.Equal([new OrderLine("plum", 1)], result.Lines);
    }

    [Fact]
    public async Task Exception_OfAnApplicationType_KeepsItsTypeAndMessage()
    {
        var error = await Assert.ThrowsAsync<OrderRejectedException>(() => Client.GetGrain<IFailingGrain>(1).ThrowOrderRejectedAsync("out of stock"));

        Assert.Equal("out of stock", error.Message);
    }

    [Fact]
    public async Task Exception_ArgumentException_KeepsItsTypeAndMessage()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.GetGrain<IFailingGrain>(2).ThrowArgumentAsync("amount"));

        Assert.StartsWith("The value is not acceptable.", error.Message, StringComparison.Ordinal);
        Assert.Contains("amount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exception_OfATypeTheClientCannotRecreate_ArrivesAsRemoteGrainExceptionNamingIt()
    {
        var error = await Assert.ThrowsAsync<RemoteGrainException>(() => Client.GetGrain<IFailingGrain>(3).ThrowQuotaExceededAsync(7));

        Assert.Equal(typeof(QuotaExceededException).FullName, error.OriginalType);
        Assert.Contains("The quota of 7 is exceeded.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exception_ThrownOnAnotherSilo_KeepsItsTypeOrItsTypeName()
    {
        var grain = Client.GetGrain<IPinnedGrain>(fixture.RemoteNode);

        var rejected = await Assert.ThrowsAsync<OrderRejectedException>(() => grain.ThrowOrderRejectedAsync("remote reject"));
        var remote = await Assert.ThrowsAsync<RemoteGrainException>(() => grain.ThrowQuotaExceededAsync(9));

        Assert.Equal("remote reject", rejected.Message);
        Assert.Equal(typeof(QuotaExceededException).FullName, remote.OriginalType);
        Assert.Contains("The quota of 9 is exceeded.", remote.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_PastItsReferenceDeadline_ThrowsTimeoutExceptionNamingTheCall()
    {
        var grain = Client.GetGrain<ISlowGrain>("deadline").WithResponseTimeout(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => grain.WaitAsync(ClientCluster.NeverOpened));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        Assert.Contains("WaitAsync", error.Message, StringComparison.Ordinal);
        Assert.Contains("slow/deadline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_PastItsMethodsDeadline_ThrowsTimeoutException()
    {
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => Client.GetGrain<ISlowGrain>("attribute-deadline").WaitWithShortDeadlineAsync(ClientCluster.NeverOpened));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Call_CancelledByTheCaller_EndsTheWait()
    {
        using var cancel = new CancellationTokenSource();
        var call = Client.GetGrain<ISlowGrain>("cancel").WaitCancellableAsync(ClientCluster.NeverOpened, cancel.Token);

        await cancel.CancelAsync();

        var error = await Wait.ForFailureAsync(call, "the cancelled call");
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(call.IsCanceled);
    }

    [Fact]
    public async Task OneWayCall_DoesNotWaitForTheGrain_AndRuns()
    {
        var grain = Client.GetGrain<ISlowGrain>("one-way");

        var call = grain.NotifyAfterAsync("one-way-gate", "one-way-ran");

        Assert.True(call.IsCompletedSuccessfully, "A one-way call completes when it is sent.");
        Assert.Equal(0, fixture.Probe.Count("one-way-ran"));
        fixture.Probe.Open("one-way-gate");
        await fixture.Probe.WaitAsync("one-way-ran", Wait.Limit);
    }

    [Fact]
    public async Task GetGrain_WithEachKeyKind_AddressesTheGrainWithThatKey()
    {
        var guid = Guid.NewGuid();

        Assert.Equal(guid, await Client.GetGrain<IGuidKeyGrain>(guid).GetKeyAsync());
        Assert.Equal(-42L, await Client.GetGrain<ILongKeyGrain>(-42).GetKeyAsync());
        Assert.Equal($"{guid:D}|ext", await Client.GetGrain<IGuidCompoundKeyGrain>(guid, "ext").GetKeyAsync());
        Assert.Equal("7|other ext", await Client.GetGrain<ILongCompoundKeyGrain>(7, "other ext").GetKeyAsync());
        Assert.Equal("string key:x", await Client.GetGrain<IEchoGrain>("string key").EchoAsync("x"));
        Assert.Equal("longkey/-42", Client.GetGrain<ILongKeyGrain>(-42).GetGrainId().ToString());
    }

    [Fact]
    public async Task ConcurrentCalls_ManyOverFewGrains_AllSucceedOncePerCall()
    {
        const int Calls = 200;
        const int Grains = 50;

        var results = await Wait.ForAsync(
            Task.WhenAll(Enumerable.Range(0, Calls).Select(i => Client.GetGrain<IEchoGrain>("concurrent-" + (i % Grains)).CountAsync())),
            "200 concurrent calls");

        // Each grain counted exactly its 4 calls, one turn at a time: every grain answered 1, 2, 3 and 4 once.
        Assert.Equal(Calls, results.Length);
        Assert.Equal(Grains * (1 + 2 + 3 + 4), results.Sum());
        Assert.Equal(Grains, results.Count(r => r == 4));
        Assert.All(results, r => Assert.InRange(r, 1, Calls / Grains));
    }
}

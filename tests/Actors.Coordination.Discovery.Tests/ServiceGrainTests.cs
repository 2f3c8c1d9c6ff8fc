using Actors.GrainInterfaces.Coordination.Discovery;
using Actors.GrainInterfaces.Coordination.Sessions;
using Actors.TestKit;

namespace Actors.Coordination.Discovery.Tests;

public sealed class ServiceGrainTests : DiscoveryTestBase
{
    [Fact]
    public async Task Register_ThenDeregister_ListsAndRemovesTheInstance()
    {
        var service = Service("web");

        Assert.Equal(ServiceRegistrationOutcome.Registered, await service.RegisterAsync(Instance("web-1")));
        Assert.Equal(ServiceRegistrationOutcome.Registered, await service.RegisterAsync(Instance("web-2", port: 8081)));
        var listed = await service.GetAsync(healthyOnly: false);
        Assert.Equal("web", listed.Service);
        Assert.Equal(["web-1", "web-2"], listed.Instances.Select(i => i.Registration.InstanceId));
        Assert.All(listed.Instances, i => Assert.Equal(HealthStatus.Passing, i.Status));
        Assert.Equal("a", listed.Instances[0].Registration.Metadata["zone"]);

        Assert.Equal(ServiceRegistrationOutcome.Updated, await service.RegisterAsync(Instance("web-1", port: 9000)));
        var updated = await service.GetAsync(healthyOnly: false);
        Assert.Equal(9000, updated.Instances.Single(i => i.Registration.InstanceId == "web-1").Registration.Port);
        Assert.True(updated.Version > listed.Version);

        Assert.True(await service.DeregisterAsync("web-1"));
        Assert.False(await service.DeregisterAsync("web-1"));
        var after = await service.GetAsync(healthyOnly: false);
        Assert.Equal(["web-2"], after.Instances.Select(i => i.Registration.InstanceId));
        Assert.True(after.Version > updated.Version);
    }

    [Fact]
    public async Task GetHealthyOnly_LeavesOutCriticalInstances()
    {
        var service = Service("api");
        await service.RegisterAsync(Instance("plain"));
        await service.RegisterAsync(Instance("checked", Ttl(TimeSpan.FromSeconds(10))));

        var all = await service.GetAsync(healthyOnly: false);
        Assert.Equal(HealthStatus.Critical, all.Instances.Single(i => i.Registration.InstanceId == "checked").Status);
        var healthy = await service.GetAsync(healthyOnly: true);
        Assert.Equal(["plain"], healthy.Instances.Select(i => i.Registration.InstanceId));
    }

    [Fact]
    public async Task TtlCheck_PassingUntilTheTtlLapses_ThenCriticalUntilPassedAgain()
    {
        var service = Service("ttl");
        await service.RegisterAsync(Instance("a", Ttl(TimeSpan.FromSeconds(10))));
        Assert.False(await service.PassAsync("unknown"));

        Assert.True(await service.PassAsync("a"));
        Assert.Equal(HealthStatus.Passing, (await service.GetAsync(healthyOnly: false)).Instances.Single().Status);

        Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.True(await service.PassAsync("a"));
        Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(HealthStatus.Passing, (await service.GetAsync(healthyOnly: false)).Instances.Single().Status);

        Clock.Advance(TimeSpan.FromSeconds(2));
        var lapsed = await WaitForStatusAsync(service, "a", HealthStatus.Critical);
        Assert.Contains("lapsed", lapsed.Output, StringComparison.Ordinal);
        Assert.Empty((await service.GetAsync(healthyOnly: true)).Instances);

        Assert.True(await service.PassAsync("a"));
        Assert.Equal(["a"], (await service.GetAsync(healthyOnly: true)).Instances.Select(i => i.Registration.InstanceId));
    }

    [Fact]
    public async Task PassAsync_OnAnInstanceWithoutTtlCheck_AnswersFalse()
    {
        var service = Service("nottl");
        await service.RegisterAsync(Instance("a"));
        Assert.False(await service.PassAsync("a"));
    }

    [Fact]
    public async Task DeregisterAfter_RemovesAnInstanceCriticalThatLong()
    {
        var service = Service("reaped");
        await service.RegisterAsync(Instance("a", Ttl(TimeSpan.FromSeconds(5), deregisterAfter: TimeSpan.FromSeconds(30))));
        await service.RegisterAsync(Instance("b"));

        Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(2, (await service.GetAsync(healthyOnly: false)).Instances.Count);
        Clock.Advance(TimeSpan.FromSeconds(11));
        await Poll.UntilAsync(
            async () => (await service.GetAsync(healthyOnly: false)).Instances.Count == 1,
            WaitTimeout,
            "the critical instance to be removed",
            Cancel);
        Assert.Equal("b", (await service.GetAsync(healthyOnly: false)).Instances.Single().Registration.InstanceId);
    }

    [Fact]
    public async Task HttpCheck_StatusFollowsTheEndpoint()
    {
        await using var endpoint = new SwitchableHealthEndpoint();
        var service = Service("probed");
        var check = new HealthCheck(null, endpoint.Url, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), null);
        await service.RegisterAsync(Instance("h", check));

        var passing = await WaitForStatusAsync(service, "h", HealthStatus.Passing);
        Assert.Contains("200", passing.Output, StringComparison.Ordinal);

        endpoint.StatusCode = 500;
        var critical = await WaitForStatusAsync(service, "h", HealthStatus.Critical);
        Assert.Contains("500", critical.Output, StringComparison.Ordinal);
        Assert.Empty((await service.GetAsync(healthyOnly: true)).Instances);

        endpoint.StatusCode = 204;
        await WaitForStatusAsync(service, "h", HealthStatus.Passing);
        Assert.True(endpoint.Requests >= 3);
    }

    [Fact]
    public async Task HttpCheck_NothingListening_IsCriticalWithTheError()
    {
        var url = $"http://127.0.0.1:{FreePorts.Next()}/health";
        var service = Service("down");
        await service.RegisterAsync(Instance("d", new HealthCheck(null, url, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), null)));

        await Poll.UntilAsync(
            async () => (await service.GetAsync(healthyOnly: false)).Instances.Single().Output?.Contains(url, StringComparison.Ordinal) == true,
            WaitTimeout,
            "the failed probe's output",
            Cancel);
        Assert.Equal(HealthStatus.Critical, (await service.GetAsync(healthyOnly: false)).Instances.Single().Status);
    }

    [Theory]
    [InlineData("http://10.0.0.1/health")]
    [InlineData("http://example.com/health")]
    [InlineData("https://127.0.0.1/health")]
    [InlineData("http://192.168.1.1:8080/")]
    [InlineData("not a url")]
    public async Task Register_HttpCheckOffLoopback_IsRefused(string url)
    {
        var service = Service("refused");
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => service.RegisterAsync(Instance("x", new HealthCheck(null, url, TimeSpan.FromSeconds(5), null, null))));
        Assert.Contains("check.httpUrl", error.Message, StringComparison.Ordinal);
        Assert.Empty((await service.GetAsync(healthyOnly: false)).Instances);
    }

    [Fact]
    public async Task Register_BadFields_AreRefusedNamingTheField()
    {
        var service = Service("bad");
        async Task<string> Refused(ServiceRegistration registration) =>
            (await Assert.ThrowsAsync<ArgumentException>(() => service.RegisterAsync(registration))).Message;

        Assert.Contains("instanceId", await Refused(Instance("has space")), StringComparison.Ordinal);
        Assert.Contains("instanceId", await Refused(Instance(new string('a', 257))), StringComparison.Ordinal);
        Assert.Contains("port", await Refused(Instance("p", port: 0)), StringComparison.Ordinal);
        Assert.Contains("address", await Refused(Instance("a") with { Address = "" }), StringComparison.Ordinal);
        Assert.Contains("tags", await Refused(Instance("t") with { Tags = [.. Enumerable.Range(0, 65).Select(i => $"t{i}")] }), StringComparison.Ordinal);
        Assert.Contains("metadata", await Refused(Instance("m") with { Metadata = Enumerable.Range(0, 65).ToDictionary(i => $"k{i}", i => "v") }), StringComparison.Ordinal);
        Assert.Contains("exactly one", await Refused(Instance("c", new HealthCheck(TimeSpan.FromSeconds(5), "http://127.0.0.1/", null, null, null))), StringComparison.Ordinal);
        Assert.Contains("exactly one", await Refused(Instance("c", new HealthCheck(null, null, null, null, null))), StringComparison.Ordinal);
        Assert.Contains("check.ttl", await Refused(Instance("c", Ttl(TimeSpan.FromMilliseconds(500)))), StringComparison.Ordinal);
        Assert.Contains("check.interval", await Refused(Instance("c", new HealthCheck(null, "http://localhost/", TimeSpan.FromHours(2), null, null))), StringComparison.Ordinal);
        Assert.Contains("service", (await Assert.ThrowsAsync<ArgumentException>(() => Service("bad/name").RegisterAsync(Instance("ok")))).Message, StringComparison.Ordinal);
        Assert.Empty((await service.GetAsync(healthyOnly: false)).Instances);
    }

    [Fact]
    public async Task SessionBoundInstance_IsRemovedWhenItsSessionCloses()
    {
        var session = Grains.GetGrain<ISessionGrain>("discovery-session");
        await session.CreateAsync(TimeSpan.FromSeconds(30), "test");
        var service = Service("ephemeral");
        Assert.Equal(ServiceRegistrationOutcome.Registered, await service.RegisterAsync(Instance("bound", sessionId: "discovery-session")));
        await service.RegisterAsync(Instance("free"));
        Assert.Equal(ServiceRegistrationOutcome.SessionUnknown, await service.RegisterAsync(Instance("orphan", sessionId: "no-such-session")));

        Assert.True(await session.CloseAsync());

        await Poll.UntilAsync(
            async () => (await service.GetAsync(healthyOnly: false)).Instances.Count == 1,
            WaitTimeout,
            "the session's instance to be removed",
            Cancel);
        Assert.Equal("free", (await service.GetAsync(healthyOnly: false)).Instances.Single().Registration.InstanceId);
        Assert.Equal(ServiceRegistrationOutcome.SessionUnknown, await service.RegisterAsync(Instance("bound", sessionId: "discovery-session")));
    }

    [Fact]
    public async Task Watch_WakesOnAChange()
    {
        var service = Service("watched");
        await service.RegisterAsync(Instance("a"));
        var before = await service.GetAsync(healthyOnly: false);

        var watch = service.WatchAsync(before.Version, healthyOnly: false, TimeSpan.FromSeconds(20));
        Assert.False(watch.IsCompleted);
        await service.RegisterAsync(Instance("b"));

        var woken = await watch.WaitAsync(WaitTimeout, Cancel);
        Assert.True(woken.Version > before.Version);
        Assert.Equal(["a", "b"], woken.Instances.Select(i => i.Registration.InstanceId));

        var immediate = await service.WatchAsync(before.Version, healthyOnly: false, TimeSpan.FromSeconds(20)).WaitAsync(WaitTimeout, Cancel);
        Assert.Equal(woken.Version, immediate.Version);
    }

    [Fact]
    public async Task Registrations_SurviveARestart_AndCheckedInstancesStartCritical()
    {
        var service = Service("durable");
        await service.RegisterAsync(Instance("plain"));
        await service.RegisterAsync(Instance("ttl", Ttl(TimeSpan.FromSeconds(60))));
        await service.PassAsync("ttl");
        var before = await service.GetAsync(healthyOnly: true);
        Assert.Equal(2, before.Instances.Count);

        await Cluster.RestartSiloAsync(Cluster.Silos[0], Cancel);

        var after = await Service("durable").GetAsync(healthyOnly: false);
        Assert.Equal(["plain", "ttl"], after.Instances.Select(i => i.Registration.InstanceId));
        Assert.Equal(HealthStatus.Passing, after.Instances[0].Status);
        Assert.Equal(HealthStatus.Critical, after.Instances[1].Status);
        Assert.Equal(60, after.Instances[1].Registration.Check!.Ttl!.Value.TotalSeconds);
        Assert.True(after.Version > before.Version);
    }
}

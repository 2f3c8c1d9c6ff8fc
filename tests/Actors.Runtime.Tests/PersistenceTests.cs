using Actors.Persistence;
using Actors.Runtime.Storage;
using Actors.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.Tests;

/// <summary>IPersistentState: read before activation, written with ETag checks, kept across activations.</summary>
public sealed class PersistenceTests : RuntimeTestBase
{
    [Fact]
    public async Task State_IsWrittenAndReadByTheNextActivation()
    {
        var grain = Grains.GetGrain<IProfileGrain>("ada");
        Assert.False(await grain.RecordExistsAsync());

        await grain.SetNameAsync("Ada");
        await grain.SetNameAsync("Ada L.");
        await Cluster.RestartSiloAsync(Cluster.Silos[0], TestContext.Current.CancellationToken);

        var restarted = Grains.GetGrain<IProfileGrain>("ada");
        var state = await restarted.GetAsync();
        Assert.Equal("Ada L.", state.Name);
        Assert.Equal(2, state.Visits);
        Assert.True(await restarted.RecordExistsAsync());
        Assert.Equal("2", await restarted.GetEtagAsync());
    }

    [Fact]
    public async Task StaleWriter_FailsWithInconsistentStateException_AndWritesNothing()
    {
        var grain = Grains.GetGrain<IProfileGrain>("contended");
        await grain.SetNameAsync("first");

        // Another writer (a zombie activation, say) moves the stored version on behind the activation's back.
        var storage = Cluster.Silos[0].Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var other = new TestGrainState<ProfileState>();
        var grainId = new GrainId(new GrainType("profile"), "contended");
        await storage.ReadStateAsync("profile", grainId, other, TestContext.Current.CancellationToken);
        other.State.Name = "other writer";
        await storage.WriteStateAsync("profile", grainId, other, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetNameAsync("stale"));

        var check = new TestGrainState<ProfileState>();
        await storage.ReadStateAsync("profile", grainId, check, TestContext.Current.CancellationToken);
        Assert.Equal("other writer", check.State.Name);

        // After re-reading, the activation can write again.
        await grain.ReloadAsync();
        await grain.SetNameAsync("fresh");
        Assert.Equal("fresh", (await grain.GetAsync()).Name);
    }

    [Fact]
    public async Task ClearState_RemovesTheRecord()
    {
        var grain = Grains.GetGrain<IProfileGrain>("cleared");
        await grain.SetNameAsync("temp");

        await grain.ClearAsync();

        Assert.False(await grain.RecordExistsAsync());
        Assert.Null(await grain.GetEtagAsync());
        Assert.Equal(string.Empty, (await grain.GetAsync()).Name);
    }

    private sealed class TestGrainState<T> : IGrainState<T>
        where T : new()
    {
        public T State { get; set; } = new();

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }
}

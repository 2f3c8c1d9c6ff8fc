using System.Net;
using Actors.Runtime.Directory;
using Xunit;

namespace Actors.TestKit.Contracts;

/// <summary>
/// The behaviour every <see cref="IGrainDirectory"/> must have, run against each provider (in-memory, PostgreSQL) by
/// deriving once per provider, so the providers cannot drift apart. Registration arbitrates single activation: of
/// racing registrations exactly one wins and all learn the same winner; an entry is replaced only by a caller naming
/// it exactly as previous; removals take only the exact entry, or the entries of the named silo generations.
/// </summary>
/// <remarks>Every test works in a fresh cluster id, so tests sharing one store never see each other's entries.</remarks>
public abstract class GrainDirectoryContractTests
{
    private static readonly SiloAddress SiloA = new(new IPEndPoint(IPAddress.Loopback, 11111), 1_764_000_000_000);
    private static readonly SiloAddress SiloARestarted = new(new IPEndPoint(IPAddress.Loopback, 11111), 1_764_000_999_000);
    private static readonly SiloAddress SiloB = new(new IPEndPoint(IPAddress.Parse("10.0.0.2"), 11111), 1_764_000_000_000);
    private static readonly SiloAddress SiloC = new(new IPEndPoint(IPAddress.IPv6Loopback, 11112), 1_764_000_000_000);

    /// <summary>
    /// Creates the directory under test for cluster <paramref name="clusterId"/>. Directories created with the same
    /// cluster id share their entries (as the silos of one cluster share a database); different cluster ids share nothing.
    /// </summary>
    protected abstract IGrainDirectory CreateDirectory(string clusterId);

    /// <summary>A cluster id no other test uses.</summary>
    protected virtual string NewClusterId() => "contract-" + Guid.NewGuid().ToString("N")[..16];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LookupAsync_NothingRegistered_ReturnsNull()
    {
        var directory = CreateDirectory(NewClusterId());

        ContractAssert.Equal(null, await directory.LookupAsync(NewGrainId(), Token), "lookup of a grain never registered");
    }

    [Fact]
    public async Task RegisterAsync_NoEntry_RegistersAndReturnsAddress()
    {
        var directory = CreateDirectory(NewClusterId());
        var address = Address(NewGrainId(), SiloC);

        var registered = await directory.RegisterAsync(address, previousAddress: null, Token);

        ContractAssert.Equal(address, registered, "RegisterAsync result for a grain without an entry");
        ContractAssert.Equal(address, await directory.LookupAsync(address.GrainId, Token), "entry read back");
    }

    [Fact]
    public async Task RegisterAsync_KeyWithSlashesAndUnicode_RoundTrips()
    {
        var directory = CreateDirectory(NewClusterId());
        var address = Address(new GrainId(new GrainType("contract"), "tenant/ü/" + Guid.NewGuid().ToString("N") + " 🚀"), SiloA);

        await directory.RegisterAsync(address, previousAddress: null, Token);

        ContractAssert.Equal(address, await directory.LookupAsync(address.GrainId, Token), "entry of a grain whose key has slashes and unicode");
    }

    [Fact]
    public async Task RegisterAsync_EntryExists_ReturnsExistingAndKeepsIt()
    {
        var directory = CreateDirectory(NewClusterId());
        var grainId = NewGrainId();
        var first = Address(grainId, SiloA);
        await directory.RegisterAsync(first, previousAddress: null, Token);

        var second = await directory.RegisterAsync(Address(grainId, SiloB), previousAddress: null, Token);
        var sameAgain = await directory.RegisterAsync(first, previousAddress: null, Token);

        ContractAssert.Equal(first, second, "RegisterAsync result when another activation is registered");
        ContractAssert.Equal(first, sameAgain, "RegisterAsync result when the same activation registers again");
        ContractAssert.Equal(first, await directory.LookupAsync(grainId, Token), "entry after a lost registration");
    }

    [Fact]
    public async Task RegisterAsync_PreviousAddressIsTheEntry_ReplacesIt()
    {
        var directory = CreateDirectory(NewClusterId());
        var grainId = NewGrainId();
        var dead = Address(grainId, SiloA);
        await directory.RegisterAsync(dead, previousAddress: null, Token);
        var successor = Address(grainId, SiloB);

        var registered = await directory.RegisterAsync(successor, dead, Token);

        ContractAssert.Equal(successor, registered, "RegisterAsync result when replacing the previous address");
        ContractAssert.Equal(successor, await directory.LookupAsync(grainId, Token), "entry after the replacement");
    }

    [Fact]
    public async Task RegisterAsync_PreviousAddressDiffersFromEntry_ReturnsExistingAndKeepsIt()
    {
        var directory = CreateDirectory(NewClusterId());
        var grainId = NewGrainId();
        var current = Address(grainId, SiloA);
        await directory.RegisterAsync(current, previousAddress: null, Token);

        // Each previous address differs from the entry in one part only: the activation id, the silo's generation, the silo.
        GrainAddress[] notTheEntry =
        [
            current with { ActivationId = Guid.NewGuid() },
            current with { Silo = SiloARestarted },
            current with { Silo = SiloB },
        ];
        foreach (var previous in notTheEntry)
        {
            var registered = await directory.RegisterAsync(Address(grainId, SiloC), previous, Token);
            ContractAssert.Equal(current, registered, $"RegisterAsync result naming {previous} as previous");
        }

        ContractAssert.Equal(current, await directory.LookupAsync(grainId, Token), "entry after registrations naming a wrong previous address");
    }

    [Fact]
    public async Task RegisterAsync_PreviousAddressButNoEntry_Registers()
    {
        var directory = CreateDirectory(NewClusterId());
        var grainId = NewGrainId();
        var address = Address(grainId, SiloB);

        var registered = await directory.RegisterAsync(address, Address(grainId, SiloA), Token);

        ContractAssert.Equal(address, registered, "RegisterAsync result naming a previous address when there is no entry");
        ContractAssert.Equal(address, await directory.LookupAsync(grainId, Token), "entry after the registration");
    }

    [Fact]
    public async Task RegisterAsync_HundredConcurrentRegistrations_OneWinnerAllLearn()
    {
        const int Racers = 100;
        var clusterId = NewClusterId();
        var grainId = NewGrainId();
        var addresses = Enumerable.Range(0, Racers).Select(i => Address(grainId, (i % 3) switch { 0 => SiloA, 1 => SiloB, _ => SiloC })).ToList();

        // One directory per racer, as if each ran on its own silo.
        var results = await RaceAsync(Racers, i => CreateDirectory(clusterId).RegisterAsync(addresses[i], previousAddress: null, Token));

        var distinct = results.Distinct().ToList();
        ContractAssert.Equal(1, distinct.Count, $"distinct results of {Racers} concurrent registrations ({string.Join(", ", distinct)})");
        ContractAssert.True(addresses.Contains(distinct[0]), $"the winner {distinct[0]} is one of the racers");
        ContractAssert.Equal(distinct[0], await CreateDirectory(clusterId).LookupAsync(grainId, Token), "entry after the race");
    }

    [Fact]
    public async Task RegisterAsync_ManyGrainsRacedByTwoSilosInOppositeOrders_EachGrainHasOneWinner()
    {
        // Two silos register the same 200 new grains at once, in opposite orders (a batching directory must neither
        // deadlock nor mix up which registration of a batch won).
        const int Grains = 200;
        var clusterId = NewClusterId();
        var grainIds = Enumerable.Range(0, Grains).Select(_ => NewGrainId()).ToList();
        var first = CreateDirectory(clusterId);
        var second = CreateDirectory(clusterId);

        var fromFirst = grainIds.Select(g => first.RegisterAsync(Address(g, SiloA), previousAddress: null, Token)).ToList();
        var fromSecond = Enumerable.Reverse(grainIds).Select(g => second.RegisterAsync(Address(g, SiloB), previousAddress: null, Token)).Reverse().ToList();
        var winnersFirst = await Task.WhenAll(fromFirst);
        var winnersSecond = await Task.WhenAll(fromSecond);

        for (var i = 0; i < Grains; i++)
        {
            ContractAssert.Equal(winnersFirst[i], winnersSecond[i], $"winner of grain {i} as the two silos learned it");
            ContractAssert.Equal(grainIds[i], winnersFirst[i].GrainId, $"grain of winner {i}");
            ContractAssert.Equal(winnersFirst[i], await first.LookupAsync(grainIds[i], Token), $"entry of grain {i}");
        }
    }

    [Fact]
    public async Task LookupAsync_ManyConcurrentLookups_EachGetsItsOwnGrainsEntry()
    {
        const int Grains = 150;
        var directory = CreateDirectory(NewClusterId());
        var addresses = Enumerable.Range(0, Grains).Select(i => Address(NewGrainId(), (i % 3) switch { 0 => SiloA, 1 => SiloB, _ => SiloC })).ToList();
        foreach (var address in addresses.Where((_, i) => i % 5 != 0))
        {
            await directory.RegisterAsync(address, previousAddress: null, Token);
        }

        // Every fifth grain stays unregistered, and every grain is looked up twice at once.
        var lookups = await Task.WhenAll(addresses.Concat(addresses).Select(a => directory.LookupAsync(a.GrainId, Token)));

        for (var i = 0; i < lookups.Length; i++)
        {
            var expected = i % Grains % 5 == 0 ? null : addresses[i % Grains];
            ContractAssert.Equal(expected, lookups[i], $"lookup {i} of grain {i % Grains}");
        }
    }

    [Fact]
    public async Task RegisterAsync_ConcurrentReplacementsOfOnePrevious_OneWinnerAllLearn()
    {
        const int Racers = 20;
        var clusterId = NewClusterId();
        var grainId = NewGrainId();
        var dead = Address(grainId, SiloA);
        await CreateDirectory(clusterId).RegisterAsync(dead, previousAddress: null, Token);
        var successors = Enumerable.Range(0, Racers).Select(i => Address(grainId, i % 2 == 0 ? SiloB : SiloC)).ToList();

        var results = await RaceAsync(Racers, i => CreateDirectory(clusterId).RegisterAsync(successors[i], dead, Token));

        var distinct = results.Distinct().ToList();
        ContractAssert.Equal(1, distinct.Count, $"distinct results of {Racers} concurrent replacements ({string.Join(", ", distinct)})");
        ContractAssert.True(successors.Contains(distinct[0]), $"the winner {distinct[0]} is one of the racers");
        ContractAssert.Equal(distinct[0], await CreateDirectory(clusterId).LookupAsync(grainId, Token), "entry after the race");
    }

    [Fact]
    public async Task UnregisterAsync_ExactEntry_RemovesItOnce()
    {
        var directory = CreateDirectory(NewClusterId());
        var address = Address(NewGrainId(), SiloA);
        await directory.RegisterAsync(address, previousAddress: null, Token);

        var removed = await directory.UnregisterAsync(address, Token);
        var removedAgain = await directory.UnregisterAsync(address, Token);

        ContractAssert.Equal(true, removed, "unregister of the registered address");
        ContractAssert.Equal(false, removedAgain, "second unregister of the same address");
        ContractAssert.Equal(null, await directory.LookupAsync(address.GrainId, Token), "entry after unregister");
    }

    [Fact]
    public async Task UnregisterAsync_StaleAddress_LeavesNewerEntry()
    {
        var directory = CreateDirectory(NewClusterId());
        var grainId = NewGrainId();
        var stale = Address(grainId, SiloA);
        await directory.RegisterAsync(stale, previousAddress: null, Token);
        var newer = Address(grainId, SiloB);
        await directory.RegisterAsync(newer, stale, Token);

        var removedStale = await directory.UnregisterAsync(stale, Token);
        var removedOtherActivation = await directory.UnregisterAsync(newer with { ActivationId = Guid.NewGuid() }, Token);
        var removedOtherGeneration = await directory.UnregisterAsync(newer with { Silo = SiloARestarted }, Token);

        ContractAssert.Equal(false, removedStale, "unregister of the replaced address");
        ContractAssert.Equal(false, removedOtherActivation, "unregister of another activation on the entry's silo");
        ContractAssert.Equal(false, removedOtherGeneration, "unregister of the entry's activation id on another silo");
        ContractAssert.Equal(newer, await directory.LookupAsync(grainId, Token), "entry after unregistering stale addresses");
    }

    [Fact]
    public async Task UnregisterSilosAsync_RemovesOnlyEntriesOfTheNamedGenerations()
    {
        var directory = CreateDirectory(NewClusterId());
        var onOldA = new[] { Address(NewGrainId(), SiloA), Address(NewGrainId(), SiloA), Address(NewGrainId(), SiloA) };
        var onC = Address(NewGrainId(), SiloC);
        var kept = new[] { Address(NewGrainId(), SiloARestarted), Address(NewGrainId(), SiloB), Address(NewGrainId(), SiloB) };
        foreach (var address in onOldA.Append(onC).Concat(kept))
        {
            await directory.RegisterAsync(address, previousAddress: null, Token);
        }

        var removed = await directory.UnregisterSilosAsync([SiloA, SiloC], Token);

        ContractAssert.Equal(4, removed, "entries removed for the old generation of silo A and silo C");
        foreach (var address in onOldA.Append(onC))
        {
            ContractAssert.Equal(null, await directory.LookupAsync(address.GrainId, Token), $"entry of {address.GrainId} on a removed silo");
        }

        foreach (var address in kept)
        {
            ContractAssert.Equal(address, await directory.LookupAsync(address.GrainId, Token), $"entry of {address.GrainId} on {address.Silo}");
        }
    }

    [Fact]
    public async Task UnregisterSilosAsync_NoSiloOrSiloWithoutEntries_RemovesNothing()
    {
        var directory = CreateDirectory(NewClusterId());
        var address = Address(NewGrainId(), SiloA);
        await directory.RegisterAsync(address, previousAddress: null, Token);

        var removedNone = await directory.UnregisterSilosAsync([], Token);
        var removedOther = await directory.UnregisterSilosAsync([SiloB, SiloARestarted], Token);

        ContractAssert.Equal(0, removedNone, "entries removed for no silo");
        ContractAssert.Equal(0, removedOther, "entries removed for silos without entries");
        ContractAssert.Equal(address, await directory.LookupAsync(address.GrainId, Token), "entry after removals of other silos");
    }

    [Fact]
    public async Task RegisterAsync_InOneCluster_IsInvisibleToAnother()
    {
        var clusterA = CreateDirectory(NewClusterId());
        var clusterB = CreateDirectory(NewClusterId());
        var grainId = NewGrainId();
        var inA = Address(grainId, SiloA);
        await clusterA.RegisterAsync(inA, previousAddress: null, Token);

        var lookedUpInB = await clusterB.LookupAsync(grainId, Token);
        var unregisteredInB = await clusterB.UnregisterAsync(inA, Token);
        var removedInB = await clusterB.UnregisterSilosAsync([SiloA], Token);
        var inB = Address(grainId, SiloB);
        var registeredInB = await clusterB.RegisterAsync(inB, previousAddress: null, Token);

        ContractAssert.Equal(null, lookedUpInB, "cluster B looks up cluster A's entry");
        ContractAssert.Equal(false, unregisteredInB, "cluster B unregisters cluster A's entry");
        ContractAssert.Equal(0, removedInB, "cluster B removes cluster A's silo entries");
        ContractAssert.Equal(inB, registeredInB, "cluster B registers the same grain in its own directory");
        ContractAssert.Equal(inA, await clusterA.LookupAsync(grainId, Token), "cluster A's entry after cluster B's changes");
        ContractAssert.Equal(inB, await clusterB.LookupAsync(grainId, Token), "cluster B's entry");
    }

    [Fact]
    public async Task LookupAsync_ThroughAnotherDirectoryOfSameCluster_SeesRegistration()
    {
        var clusterId = NewClusterId();
        var address = Address(NewGrainId(), SiloB);
        await CreateDirectory(clusterId).RegisterAsync(address, previousAddress: null, Token);

        var read = await CreateDirectory(clusterId).LookupAsync(address.GrainId, Token);

        ContractAssert.Equal(address, read, "entry read through a second directory instance");
    }

    /// <summary>
    /// Runs <paramref name="count"/> racers as concurrently as the machine allows: each waits at one gate, opened only
    /// when all are queued, so they reach the table together instead of in the order they were created.
    /// </summary>
    private static async Task<T[]> RaceAsync<T>(int count, Func<int, Task<T>> racer)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await racer(i);
        }, Token)).ToList();
        gate.SetResult();
        return await Task.WhenAll(racers);
    }

    private static GrainId NewGrainId() => new(new GrainType("contract"), Guid.NewGuid().ToString("N"));

    private static GrainAddress Address(GrainId grainId, SiloAddress silo) => new(grainId, silo, Guid.NewGuid());
}

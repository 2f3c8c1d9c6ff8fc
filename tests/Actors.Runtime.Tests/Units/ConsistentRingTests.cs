using System.Net;
using Actors.Runtime.Membership;

namespace Actors.Runtime.Tests.Units;

/// <summary>The ring of active silos decides reminder ownership: every hash has exactly one owner, and silos agree.</summary>
public sealed class ConsistentRingTests
{
    private static readonly SiloAddress[] Silos = [.. Enumerable.Range(0, 4).Select(i => new SiloAddress(new IPEndPoint(IPAddress.Loopback, 11111 + i), 1_000 + i))];

    [Fact]
    public void EveryHash_IsInExactlyOneSilosRanges_AndThatSiloIsItsOwner()
    {
        var ring = new ConsistentRing(Silos);
        var ranges = Silos.ToDictionary(s => s, ring.RangesOf);
        var random = new Random(7);

        for (var i = 0; i < 20_000; i++)
        {
            var hash = (uint)random.NextInt64(0, uint.MaxValue + 1L);
            var owners = Silos.Where(s => ranges[s].Any(r => r.Contains(hash))).ToList();
            Assert.Single(owners);
            Assert.Equal(owners[0], ring.Owner(hash));
        }
    }

    [Fact]
    public void TheRing_DependsOnlyOnTheSet_NotOnItsOrder()
    {
        var a = new ConsistentRing(Silos);
        var b = new ConsistentRing(Silos.Reverse());

        foreach (var hash in Enumerable.Range(0, 1_000).Select(i => (uint)i * 4_294_967u))
        {
            Assert.Equal(a.Owner(hash), b.Owner(hash));
        }
    }

    [Fact]
    public void AddingASilo_MovesOnlyHashesToTheNewSilo_AboutItsShare()
    {
        var before = new ConsistentRing(Silos[..3]);
        var after = new ConsistentRing(Silos);
        var random = new Random(11);
        var moved = 0;
        const int Samples = 20_000;

        for (var i = 0; i < Samples; i++)
        {
            var hash = (uint)random.NextInt64(0, uint.MaxValue + 1L);
            if (!before.Owner(hash)!.Equals(after.Owner(hash)))
            {
                moved++;
                Assert.Equal(Silos[3], after.Owner(hash));
            }
        }

        // A fair share for the fourth silo is a quarter; virtual points keep it within a wide band of that.
        Assert.InRange(moved, Samples / 10, Samples / 2);
    }

    [Fact]
    public void ASingleSilo_OwnsTheFullRing_AndAnEmptyRingNobody()
    {
        Assert.Equal([Reminders.RingRange.Full], new ConsistentRing([Silos[0]]).RangesOf(Silos[0]));
        Assert.Null(new ConsistentRing([]).Owner(42));
        Assert.Empty(new ConsistentRing([]).RangesOf(Silos[0]));
    }

    [Fact]
    public void HealthMonitorTargets_AreOtherActiveSilos_AndEverySiloIsWatched()
    {
        var view = new MembershipView(1, Silos.Select(s => new MembershipEntry(s, "host", "n" + s.Endpoint.Port, 0, SiloStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [], [], 0)));

        var targets = Silos.ToDictionary(s => s, s => SiloHealthMonitor.TargetsOf(s, view, 2));

        Assert.All(targets, t => Assert.Equal(2, t.Value.Count));
        Assert.All(targets, t => Assert.DoesNotContain(t.Key, t.Value));
        Assert.All(Silos, s => Assert.Equal(2, targets.Values.Count(v => v.Contains(s))));
    }
}

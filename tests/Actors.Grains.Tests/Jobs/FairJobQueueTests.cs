using Actors.Grains.Jobs.Scheduling;

namespace Actors.Grains.Tests.Jobs;

public sealed class FairJobQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TakeNext_ServesSubmittersInTurn_NotInArrivalOrder()
    {
        var queue = new FairJobQueue(100, 100);
        for (var i = 0; i < 5; i++)
        {
            queue.MarkReady("flood" + i, "flooder", 1, 64, null);
        }

        queue.MarkReady("polite0", "polite", 1, 64, null);
        queue.MarkReady("polite1", "polite", 1, 64, null);

        var order = Enumerable.Range(0, 7).Select(_ => queue.TakeNext(Now, _ => true)!.JobId).ToList();

        Assert.Equal(["flood0", "polite0", "flood1", "polite1", "flood2", "flood3", "flood4"], order);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void TakeNext_SkipsJobsInBackoff_AndJobsThatDoNotFit()
    {
        var queue = new FairJobQueue(10, 10);
        queue.MarkReady("later", "a", 1, 64, Now.AddSeconds(5));
        queue.MarkReady("big", "b", 8, 64, null);
        queue.MarkReady("small", "c", 1, 64, null);

        Assert.Equal("small", queue.TakeNext(Now, j => j.Cpus <= 2)!.JobId);
        Assert.Null(queue.TakeNext(Now, j => j.Cpus <= 2));
        Assert.Equal(Now.AddSeconds(5), queue.EarliestNotBefore(Now));
        Assert.Equal("later", queue.TakeNext(Now.AddSeconds(6), j => j.Cpus <= 2)!.JobId);
    }

    [Fact]
    public void TryReserve_EnforcesTheBoundAndTheShare_AndReservationsExpire()
    {
        var queue = new FairJobQueue(3, 2);

        Assert.Null(queue.TryReserve("a1", "a", Now));
        Assert.Null(queue.TryReserve("a1", "a", Now));
        Assert.Null(queue.TryReserve("a2", "a", Now));
        Assert.NotNull(queue.TryReserve("a3", "a", Now));
        Assert.Null(queue.TryReserve("b1", "b", Now));
        Assert.Contains("full", queue.TryReserve("c1", "c", Now), StringComparison.Ordinal);

        // Reserved but never made ready: not dispatched, and released once stale.
        Assert.Null(queue.TakeNext(Now, _ => true));
        Assert.Equal(3, queue.ExpireReservations(Now.AddMinutes(2), TimeSpan.FromMinutes(1)));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Remove_DropsTheJob_AndItsSubmitterWhenEmpty()
    {
        var queue = new FairJobQueue(10, 10);
        queue.MarkReady("x", "a", 1, 64, null);

        Assert.True(queue.Remove("x"));
        Assert.False(queue.Remove("x"));
        Assert.Equal(0, queue.Submitters);
        Assert.Null(queue.TakeNext(Now, _ => true));
    }
}

using Actors.Grains.Containers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Containers.Docker.Tests;

/// <summary>Background removal of finished containers: retried, waited for at dispose, bounded, never twice at once.</summary>
[Trait("Category", "Unit")]
public sealed class ContainerRemovalsTests
{
    private static readonly TimeSpan[] NoPauses = [TimeSpan.Zero, TimeSpan.Zero];

    [Fact]
    public async Task Schedule_RemoveFailsTwiceThenSucceeds_TriesThreeTimes()
    {
        var tries = 0;
        var removals = Create((_, _) => ++tries < 3 ? throw new ContainerEngineUnavailableException("engine busy") : Task.CompletedTask);

        removals.Schedule("c1");
        await removals.DisposeAsync();

        Assert.Equal(3, tries);
        Assert.Equal(0, removals.Pending);
    }

    [Fact]
    public async Task Schedule_EveryTryFails_GivesUpAfterTheLastRetry()
    {
        var tries = 0;
        var removals = Create((_, _) =>
        {
            tries++;
            throw new ContainerRuntimeException("refused");
        });

        removals.Schedule("c1");
        await removals.DisposeAsync();

        Assert.Equal(NoPauses.Length + 1, tries);
        Assert.Equal(0, removals.Pending);
    }

    [Fact]
    public async Task Schedule_RemovalStillRunning_ReturnsAndCountsItPending()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var removed = new List<string>();
        var removals = Create(async (id, _) =>
        {
            await gate.Task;
            lock (removed)
            {
                removed.Add(id);
            }
        });

        removals.Schedule("c1");

        Assert.Equal(1, removals.Pending);
        Assert.Empty(removed);
        gate.SetResult();
        await removals.DisposeAsync();
        Assert.Equal(["c1"], removed);
    }

    [Fact]
    public async Task DisposeAsync_RemovalInFlight_CompletesOnlyAfterIt()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var removals = Create((_, _) => gate.Task);
        removals.Schedule("c1");

        var disposing = removals.DisposeAsync().AsTask();

        Assert.False(disposing.IsCompleted, "dispose returned while a removal was still running");
        gate.SetResult();
        await disposing;
        Assert.Equal(0, removals.Pending);
    }

    [Fact]
    public async Task DisposeAsync_RemovalThatNeverEnds_GivesUpAtItsTimeout()
    {
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var removals = Create((_, _) => never.Task, disposeTimeout: TimeSpan.FromMilliseconds(200));
        removals.Schedule("c1");

        await removals.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(1, removals.Pending);
        never.SetResult();
    }

    [Fact]
    public async Task Schedule_SameContainerWhileItIsBeingRemoved_RemovesItOnce()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tries = 0;
        var removals = Create(async (_, _) =>
        {
            Interlocked.Increment(ref tries);
            await gate.Task;
        });

        removals.Schedule("c1");
        removals.Schedule("c1");
        gate.SetResult();
        await removals.DisposeAsync();

        Assert.Equal(1, tries);
    }

    [Fact]
    public void Schedule_EmptyId_ThrowsArgumentException()
    {
        var removals = Create((_, _) => Task.CompletedTask);

        Assert.Throws<ArgumentException>(() => removals.Schedule(" "));
    }

    private static ContainerRemovals Create(Func<string, CancellationToken, Task> remove, TimeSpan? disposeTimeout = null) =>
        new(remove, NoPauses, disposeTimeout ?? TimeSpan.FromSeconds(30), TimeProvider.System, NullLogger.Instance);
}

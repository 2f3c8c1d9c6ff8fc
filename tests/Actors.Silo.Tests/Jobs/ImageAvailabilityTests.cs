using Actors.GrainInterfaces.Jobs;
using Actors.Silo.Endpoints.Jobs;

namespace Actors.Silo.Tests.Jobs;

public sealed class ImageAvailabilityTests
{
    [Fact]
    public void IsRunnable_NoNodeKnown_True() => Assert.True(ImageAvailability.IsRunnable([], "busybox"));

    [Fact]
    public void IsRunnable_OnlineNodeHasTheImageUnderItsFullName_True() =>
        Assert.True(ImageAvailability.IsRunnable([Node("n1", images: ["docker.io/library/busybox:latest"])], "busybox"));

    [Fact]
    public void IsRunnable_NoOnlineNodeHasTheImage_False() =>
        Assert.False(ImageAvailability.IsRunnable([Node("n1", images: ["alpine:latest", "busybox:1.36"])], "busybox"));

    [Fact]
    public void IsRunnable_OnlyAnOfflineNodeHasTheImage_False() =>
        Assert.False(ImageAvailability.IsRunnable(
            [Node("n1", images: ["alpine:latest"]), Node("n2", online: false, images: ["busybox:latest"])], "busybox"));

    [Fact]
    public void IsRunnable_AnOnlineNodeCanPull_True() =>
        Assert.True(ImageAvailability.IsRunnable([Node("n1", images: [], canPull: true)], "busybox"));

    [Fact]
    public void IsRunnable_OnlyOfflineNodesKnown_TrueBecauseTheJobQueues() =>
        Assert.True(ImageAvailability.IsRunnable([Node("n1", online: false, images: [])], "busybox"));

    [Fact]
    public void IsRunnable_OnlineNodeWithoutAWorkingEngine_DoesNotCountAsKnowingItsImages() =>
        Assert.True(ImageAvailability.IsRunnable([Node("n1", engine: false, images: [])], "busybox"));

    private static NodeStatus Node(string name, bool online = true, bool engine = true, IReadOnlyList<string>? images = null, bool canPull = false)
    {
        var capacity = new NodeCapacity(2, 1024, 4);
        return new NodeStatus(name, "127.0.0.1:1", engine, null, capacity, capacity, [], images ?? [], canPull, online, DateTimeOffset.UnixEpoch);
    }
}

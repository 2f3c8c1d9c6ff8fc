using Actors.GrainInterfaces.Jobs;

namespace Actors.Silo.Endpoints.Jobs;

/// <summary>Whether some executor node could run an image, judged from the nodes' reports.</summary>
internal static class ImageAvailability
{
    /// <summary>
    /// True when no online node with a working engine is known (the job waits in the queue for one: a node whose engine
    /// does not answer cannot say which images it has), when such a node can pull, or when such a node has the image
    /// (references compared normalised: "busybox" = "busybox:latest").
    /// </summary>
    public static bool IsRunnable(IReadOnlyList<NodeStatus> nodes, string image)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(image);
        var online = nodes.Where(n => n.Online && n.EngineAvailable).ToList();
        if (online.Count == 0 || online.Any(n => n.CanPull))
        {
            return true;
        }

        var wanted = ImageReference.Normalize(image);
        return online.Any(n => n.Images.Any(present => string.Equals(ImageReference.Normalize(present), wanted, StringComparison.Ordinal)));
    }

    /// <summary>The message when <see cref="IsRunnable"/> is false.</summary>
    public static string Unavailable(string image) =>
        $"image '{image}' is not present on any executor node and no registry is configured to pull it";
}

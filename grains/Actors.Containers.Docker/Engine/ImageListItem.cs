namespace Actors.Containers.Docker.Engine;

/// <summary>One entry of <c>GET /images/json</c>.</summary>
internal sealed class ImageListItem
{
    public string Id { get; init; } = string.Empty;

    /// <summary>repository:tag names; <c>&lt;none&gt;:&lt;none&gt;</c> or null for an untagged image.</summary>
    public IReadOnlyList<string>? RepoTags { get; init; }
}

using System.Text.Json;
using Actors.Grains.Containers;

namespace Actors.Containers.Docker.Engine;

/// <summary>Image calls: inspect, pull, tag, list.</summary>
internal sealed partial class DockerEngineClient
{
    /// <summary><c>GET /images/{name}/json</c>: whether the engine has the image.</summary>
    /// <param name="image">A name already checked by <see cref="ImageReference"/> (it goes into the path as it is).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken) =>
        CallAsync($"inspect image {image}", _options.RequestTimeout, async token =>
        {
            using var response = await _http.GetAsync($"images/{image}/json", token);
            if (IsNotFound(response))
            {
                return false;
            }

            await EnsureSuccessAsync(response, $"inspect image {image}", token);
            return true;
        }, cancellationToken);

    /// <summary>
    /// <c>POST /images/create?fromImage=...&amp;tag=...</c>: pulls an image and reads the progress stream to its end,
    /// where a failed pull reports its error.
    /// </summary>
    /// <exception cref="ContainerImageNotFoundException">The registry does not have the image.</exception>
    public Task PullImageAsync(string repository, string tagOrDigest, CancellationToken cancellationToken) =>
        CallAsync($"pull image {repository}:{tagOrDigest}", _options.PullTimeout, async token =>
        {
            var operation = $"pull image {repository}:{tagOrDigest}";
            using var request = new HttpRequestMessage(HttpMethod.Post, $"images/create?fromImage={Escape(repository)}&tag={Escape(tagOrDigest)}");
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            if (IsNotFound(response))
            {
                throw new ContainerImageNotFoundException(
                    $"Image {repository}:{tagOrDigest} cannot be pulled: {await ReadErrorMessageAsync(response, token)}");
            }

            await EnsureSuccessAsync(response, operation, token);
            await using var body = await response.Content.ReadAsStreamAsync(token);
            using var reader = new StreamReader(body);
            while (await reader.ReadLineAsync(token) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var message = JsonSerializer.Deserialize(line, DockerJsonContext.Default.PullProgressMessage);
                if (!string.IsNullOrWhiteSpace(message?.Error))
                {
                    throw new ContainerRuntimeException($"Docker engine could not {operation}: {message.Error}");
                }
            }

            return true;
        }, cancellationToken);

    /// <summary><c>POST /images/{name}/tag?repo=...&amp;tag=...</c>.</summary>
    public Task TagImageAsync(string image, string repository, string tag, CancellationToken cancellationToken) =>
        CallAsync($"tag image {image} as {repository}:{tag}", _options.RequestTimeout, async token =>
        {
            using var response = await _http.PostAsync($"images/{image}/tag?repo={Escape(repository)}&tag={Escape(tag)}", content: null, token);
            await EnsureSuccessAsync(response, $"tag image {image} as {repository}:{tag}", token);
            return true;
        }, cancellationToken);

    /// <summary><c>GET /images/json</c>.</summary>
    public Task<List<ImageListItem>> ListImagesAsync(CancellationToken cancellationToken) =>
        CallAsync("list images", _options.RequestTimeout, async token =>
        {
            using var response = await _http.GetAsync("images/json", token);
            await EnsureSuccessAsync(response, "list images", token);
            return await ReadJsonAsync(response, DockerJsonContext.Default.ListImageListItem, token);
        }, cancellationToken);
}

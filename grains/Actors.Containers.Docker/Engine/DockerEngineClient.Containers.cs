using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Actors.Grains.Containers;

namespace Actors.Containers.Docker.Engine;

/// <summary>Container calls: create, start, wait, kill, remove, inspect, list.</summary>
internal sealed partial class DockerEngineClient
{
    /// <summary><c>POST /containers/create</c>: the new container's id.</summary>
    /// <exception cref="ContainerImageNotFoundException">The engine does not have the image.</exception>
    public Task<string> CreateContainerAsync(ContainerCreateBody body, CancellationToken cancellationToken) =>
        CallAsync($"create a container of {body.Image}", _options.RequestTimeout, async token =>
        {
            using var content = JsonContent.Create(body, DockerJsonContext.Default.ContainerCreateBody);
            using var response = await _http.PostAsync("containers/create", content, token);
            if (IsNotFound(response))
            {
                throw new ContainerImageNotFoundException(
                    $"Image '{body.Image}' is not present on the Docker engine at {Endpoint}: {await ReadErrorMessageAsync(response, token)}");
            }

            await EnsureSuccessAsync(response, $"create a container of {body.Image}", token);
            var created = await ReadJsonAsync(response, DockerJsonContext.Default.ContainerCreateResponse, token);
            return string.IsNullOrEmpty(created.Id)
                ? throw new ContainerRuntimeException($"Docker engine created a container of {body.Image} but returned no id.")
                : created.Id;
        }, cancellationToken);

    /// <summary><c>POST /containers/{id}/start</c> (a container that already runs is fine).</summary>
    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken) =>
        CallAsync($"start container {containerId}", _options.RequestTimeout, async token =>
        {
            using var response = await _http.PostAsync($"containers/{Escape(containerId)}/start", content: null, token);
            if (response.StatusCode != HttpStatusCode.NotModified)
            {
                await EnsureSuccessAsync(response, $"start container {containerId}", token);
            }

            return true;
        }, cancellationToken);

    /// <summary>
    /// <c>POST /containers/{id}/wait?condition=not-running</c>: returns once the container is not running (at once when
    /// it has already stopped). No timeout of its own: the caller bounds it.
    /// </summary>
    public Task<ContainerWaitResponse> WaitContainerAsync(string containerId, CancellationToken cancellationToken) =>
        CallAsync($"wait for container {containerId}", timeout: null, async token =>
        {
            using var response = await _http.PostAsync($"containers/{Escape(containerId)}/wait?condition=not-running", content: null, token);
            await EnsureSuccessAsync(response, $"wait for container {containerId}", token);
            return await ReadJsonAsync(response, DockerJsonContext.Default.ContainerWaitResponse, token);
        }, cancellationToken);

    /// <summary><c>POST /containers/{id}/kill?signal=KILL</c>: false when it was not running or is gone.</summary>
    public Task<bool> KillContainerAsync(string containerId, CancellationToken cancellationToken) =>
        CallAsync($"kill container {containerId}", _options.RequestTimeout, async token =>
        {
            using var response = await _http.PostAsync($"containers/{Escape(containerId)}/kill?signal=KILL", content: null, token);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            {
                return false;
            }

            await EnsureSuccessAsync(response, $"kill container {containerId}", token);
            return true;
        }, cancellationToken);

    /// <summary>
    /// <c>DELETE /containers/{id}?force=1&amp;v=1</c>: kills it if it runs and removes it with its anonymous volumes.
    /// A container that is gone, or already being removed, is fine.
    /// </summary>
    public Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken) =>
        CallAsync($"remove container {containerId}", _options.RequestTimeout, async token =>
        {
            using var response = await _http.DeleteAsync($"containers/{Escape(containerId)}?force=1&v=1", token);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            {
                return false;
            }

            await EnsureSuccessAsync(response, $"remove container {containerId}", token);
            return true;
        }, cancellationToken);

    /// <summary><c>GET /containers/{id}/json</c>.</summary>
    public Task<ContainerInspectResponse> InspectContainerAsync(string containerId, CancellationToken cancellationToken) =>
        CallAsync($"inspect container {containerId}", _options.RequestTimeout, async token =>
        {
            using var response = await _http.GetAsync($"containers/{Escape(containerId)}/json", token);
            await EnsureSuccessAsync(response, $"inspect container {containerId}", token);
            return await ReadJsonAsync(response, DockerJsonContext.Default.ContainerInspectResponse, token);
        }, cancellationToken);

    /// <summary><c>GET /containers/json?all=1&amp;filters={"label":["k=v",...]}</c>: containers carrying every label.</summary>
    public Task<List<ContainerListItem>> ListContainersAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) =>
        CallAsync("list containers", _options.RequestTimeout, async token =>
        {
            var filters = new Dictionary<string, string[]>
            {
                ["label"] = [.. labels.Select(label => $"{label.Key}={label.Value}")],
            };
            var query = labels.Count == 0
                ? "containers/json?all=1"
                : $"containers/json?all=1&filters={Escape(JsonSerializer.Serialize(filters, DockerJsonContext.Default.DictionaryStringStringArray))}";
            using var response = await _http.GetAsync(query, token);
            await EnsureSuccessAsync(response, "list containers", token);
            return await ReadJsonAsync(response, DockerJsonContext.Default.ListContainerListItem, token);
        }, cancellationToken);
}

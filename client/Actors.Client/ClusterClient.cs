using System.Net;
using Actors.Client.Connections;
using Actors.Client.Manifest;
using Actors.Client.Messaging;
using Actors.GrainInterfaces.Serialization;
using Actors.Invocation;
using Actors.Transport.Serialization;

namespace Actors.Client;

/// <summary>
/// Calls grains from outside the cluster, through a silo's gateway. Grain references work as inside a silo: made
/// with no I/O by the <see cref="IGrainFactory"/> methods, called with the same deadlines, exceptions and semantics,
/// and passable as arguments.
/// </summary>
/// <remarks>
/// <para>
/// Failover: when the gateway's connection closes, or the gateway says it is shutting down, new calls go to another
/// gateway of the cluster (the list is refreshed every <see cref="ClusterClientOptions.GatewayRefreshPeriod"/>). Calls
/// in flight on a connection that is lost fail at once with <see cref="SiloUnavailableException"/> (they may or may
/// not have run and are not retried); calls in flight on a gateway that is shutting down complete normally. Calls made
/// while no gateway is connected wait for one, up to their deadline.
/// </para>
/// <para>Thread-safe. Dispose it to close its connections; calls still waiting then fail with <see cref="ObjectDisposedException"/>.</para>
/// </remarks>
public sealed class ClusterClient : GrainFactoryBase, IAsyncDisposable
{
    private readonly CallRegistry _calls;
    private readonly ClusterManifest _manifest = new();
    private readonly GatewayManager _gateways;
    private readonly ClientGrainRuntime _runtime;
    private int _disposed;

    private ClusterClient(ClusterClientOptions options, IReadOnlyList<IPEndPoint> seeds)
    {
        ClusterId = options.ClusterId;
        ClientId = options.ClientId ?? "client-" + Guid.NewGuid().ToString("N");
        var interfaces = new GrainInterfaceRegistry();
        var serialization = new SerializationOptions();
        foreach (var resolver in options.TypeInfoResolvers)
        {
            serialization.TypeInfoResolvers.Add(resolver);
        }

        // The product's own grain interfaces (jobs, coordination) read and write their records as the silos do.
        serialization.TypeInfoResolvers.Add(GrainInterfacesJsonContext.Default);

        // References read from results and arguments are bound to this client; the runtime is made after the serializer.
        ClientGrainRuntime? runtime = null;
        var serializer = new JsonSerializerAdapter(serialization, new GrainReferenceJsonConverterFactory(() => runtime!));
        _calls = new CallRegistry(options.TimeProvider);
        _gateways = new GatewayManager(options, ClientId, seeds, _calls, serializer, _manifest);
        runtime = new ClientGrainRuntime(interfaces, _calls, _gateways, serializer, options.TimeProvider, options.ResponseTimeout);
        _runtime = runtime;
    }

    /// <summary>The cluster this client belongs to.</summary>
    public string ClusterId { get; }

    /// <summary>This client's id, as gateways log it.</summary>
    public string ClientId { get; }

    /// <summary>The gateway new calls go to; null while the client is between gateways.</summary>
    public IPEndPoint? CurrentGateway => _gateways.CurrentGateway;

    /// <summary>The gateways of the cluster as last learnt (the configured ones until the first answer).</summary>
    public IReadOnlyList<IPEndPoint> KnownGateways => _gateways.KnownGateways;

    /// <summary>Connects to a gateway of the cluster and learns which grain classes the cluster hosts.</summary>
    /// <param name="options">Where and how to connect; checked first.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>A connected client; dispose it when done.</returns>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    /// <exception cref="ClusterConnectionException">No configured gateway answered, or all refused; the message lists each and why.</exception>
    public static async Task<ClusterClient> ConnectAsync(ClusterClientOptions options, CancellationToken cancellationToken = default)
    {
        var seeds = ClusterClientOptionsValidator.Validate(options);
        var client = new ClusterClient(options, seeds);
        try
        {
            await client._gateways.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return client;
    }

    /// <inheritdoc />
    public override TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
    {
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The grain id names no grain.", nameof(grainId));
        }

        return _runtime.CreateReference<TGrainInterface>(grainId);
    }

    /// <summary>Closes the connections; calls still waiting fail with <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _gateways.DisposeAsync().ConfigureAwait(false);
        _calls.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"cluster client {ClientId} of cluster {ClusterId} (gateway {CurrentGateway?.ToString() ?? "none"})";

    /// <summary>Raised when the current gateway changes, says it is closing, or a connection is lost (tests, diagnostics).</summary>
    internal event Action<GatewayEvent>? GatewayChanged
    {
        add => _gateways.GatewayChanged += value;
        remove => _gateways.GatewayChanged -= value;
    }

    /// <summary>Closes the current gateway connection at once, as if the gateway had died (tests of failover).</summary>
    internal bool AbortGatewayConnection(string reason) => _gateways.AbortCurrent(reason);

    /// <summary>The calls waiting for a response now.</summary>
    internal int PendingCallCount => _calls.Count;

    /// <inheritdoc />
    protected override TGrainInterface CreateReference<TGrainInterface>(string key, string? grainClassNamePrefix)
    {
        var grainInterface = typeof(TGrainInterface);
        var grainType = _manifest.ResolveGrainType(grainInterface, _runtime.InterfaceName(grainInterface), grainClassNamePrefix);
        return _runtime.CreateReference<TGrainInterface>(new GrainId(grainType, key));
    }
}

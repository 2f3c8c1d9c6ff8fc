using System.Collections.Concurrent;
using System.Net;
using Actors.Client.Manifest;
using Actors.Client.Messaging;
using Actors.Serialization;
using Actors.Transport;
using Microsoft.Extensions.Logging;

namespace Actors.Client.Connections;

/// <summary>
/// The client's link to the cluster: one current gateway connection that new calls go to, failover to another known
/// gateway when it closes or says it is closing, a background reconnect loop with back-off, and a periodic refresh of
/// the gateway list and the grain manifest from the current gateway.
/// </summary>
/// <remarks>
/// <para>
/// Calls made while no gateway is connected wait (in order) for the next connection, up to their deadline. Calls in
/// flight on a connection that is lost fail at once with <see cref="SiloUnavailableException"/>: they may or may not
/// have run, so they are not retried (a grain call need not be idempotent). Calls in flight on a gateway that said
/// "closing" complete normally: the gateway drains them, and the client closes that connection after the last one.
/// </para>
/// <para>
/// A gateway whose connection failed or that said "closing" is avoided for a while: it is tried only after the others.
/// </para>
/// </remarks>
internal sealed partial class GatewayManager : IAsyncDisposable
{
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    private readonly string _clusterId;
    private readonly IReadOnlyList<IPEndPoint> _seeds;
    private readonly CallRegistry _calls;
    private readonly ISerializer _serializer;
    private readonly ClusterManifest _manifest;
    private readonly TimeProvider _time;
    private readonly TimeSpan _requestTimeout;
    private readonly TimeSpan _refreshPeriod;
    private readonly TimeSpan _avoidPeriod;
    private readonly ConnectionPreamble _preamble;
    private readonly FramedConnectionOptions _connectionOptions = new();
    private readonly ILogger _logger;
    private readonly ILogger _transportLogger;
    private readonly ConcurrentDictionary<GatewayConnection, byte> _connections = new();
    private readonly ConcurrentDictionary<IPEndPoint, long> _avoidUntil = new();
    private readonly Lock _gate = new();
    private readonly List<Outgoing> _waiting = [];
    private readonly SemaphoreSlim _connectSignal = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private GatewayConnection? _current;
    private IReadOnlyList<IPEndPoint> _known;
    private ITimer? _refreshTimer;
    private Task _maintainLoop = Task.CompletedTask;
    private int _connectRequested;
    private int _refreshing;
    private volatile bool _disposed;

    public GatewayManager(
        ClusterClientOptions options,
        string clientId,
        IReadOnlyList<IPEndPoint> seeds,
        CallRegistry calls,
        ISerializer serializer,
        ClusterManifest manifest)
    {
        _clusterId = options.ClusterId;
        _seeds = seeds;
        _known = seeds;
        _calls = calls;
        _serializer = serializer;
        _manifest = manifest;
        _time = options.TimeProvider;
        _requestTimeout = options.ResponseTimeout;
        _refreshPeriod = options.GatewayRefreshPeriod;
        _avoidPeriod = options.GatewayRefreshPeriod * 2 > TimeSpan.FromSeconds(5) ? options.GatewayRefreshPeriod * 2 : TimeSpan.FromSeconds(5);
        _preamble = new ConnectionPreamble(ConnectionRole.Client, options.ClusterId, null, clientId);
        _logger = options.LoggerFactory.CreateLogger<GatewayManager>();
        _transportLogger = options.LoggerFactory.CreateLogger<FramedConnection>();
    }

    /// <summary>Raised when the current gateway changes, says it is closing, or a connection is lost.</summary>
    public event Action<GatewayEvent>? GatewayChanged;

    /// <summary>The gateway new calls go to; null while none is connected.</summary>
    public IPEndPoint? CurrentGateway => Volatile.Read(ref _current) is { IsUsable: true } current ? current.EndPoint : null;

    /// <summary>The gateways known from the last refresh (the configured ones until then).</summary>
    public IReadOnlyList<IPEndPoint> KnownGateways => Volatile.Read(ref _known);

    /// <summary>
    /// Connects to one of the configured gateways (in random order) and reads the cluster's manifest and gateway list
    /// from it; then keeps the client connected in the background.
    /// </summary>
    /// <exception cref="ClusterConnectionException">No gateway answered, or every one refused.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var failures = new List<(IPEndPoint, Exception)>();
        foreach (var endpoint in Shuffled(_seeds))
        {
            cancellationToken.ThrowIfCancellationRequested();
            GatewayConnection? connection = null;
            try
            {
                connection = await OpenAsync(endpoint, cancellationToken).ConfigureAwait(false);
                await RefreshFromAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                connection?.Close("The client could not start on this gateway.");
                if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                Log.ConnectFailed(_logger, endpoint, ex.Message);
                failures.Add((endpoint, ex));
                continue;
            }

            Install(connection);
            _maintainLoop = Task.Run(MaintainAsync, CancellationToken.None);
            _refreshTimer = _time.CreateTimer(static state => ((GatewayManager)state!).OnRefreshTimer(), this, _refreshPeriod, _refreshPeriod);
            return;
        }

        throw new ClusterConnectionException(_clusterId, failures);
    }

    /// <summary>Closes the current connection at once, as if the gateway had died (tests of failover).</summary>
    public bool AbortCurrent(string reason)
    {
        if (Volatile.Read(ref _current) is not { } current)
        {
            return false;
        }

        current.Close(reason);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _waiting.Clear();
            _current = null;
        }

        _refreshTimer?.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _maintainLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        // Fail what waits first, so callers learn of the disposal rather than of lost connections.
        _calls.FailWhere(static _ => true, static c => new ObjectDisposedException(nameof(ClusterClient), $"The cluster client was disposed before {c.Describe()} answered."));
        foreach (var connection in _connections.Keys)
        {
            connection.Close("The cluster client was disposed.");
            await connection.Completion.ConfigureAwait(false);
        }

        _stopping.Dispose();
        _connectSignal.Dispose();
    }

    private static IPEndPoint[] Shuffled(IEnumerable<IPEndPoint> endpoints)
    {
        var array = endpoints.ToArray();
        Random.Shared.Shuffle(array);
        return array;
    }

    /// <summary>Makes <paramref name="connection"/> the current one and sends what waited for it.</summary>
    private void Install(GatewayConnection connection)
    {
        Outgoing[] waiting;
        lock (_gate)
        {
            if (_disposed)
            {
                connection.Close("The cluster client was disposed.");
                return;
            }

            _current = connection;
            waiting = [.. _waiting];
            _waiting.Clear();
        }

        Log.Connected(_logger, connection.EndPoint, waiting.Length);
        Raise(new GatewayEvent(GatewayEventKind.Connected, connection.EndPoint));
        foreach (var outgoing in waiting)
        {
            Send(outgoing);
        }
    }

    private void RequestConnection()
    {
        if (Interlocked.Exchange(ref _connectRequested, 1) == 0 && !_disposed)
        {
            try
            {
                _connectSignal.Release();
            }
            catch (ObjectDisposedException)
            {
                // Disposed meanwhile: nothing to connect for.
            }
        }
    }

    private void Avoid(IPEndPoint endpoint) =>
        _avoidUntil[endpoint] = _time.GetTimestamp() + (long)(_avoidPeriod.TotalSeconds * _time.TimestampFrequency);

    private void Raise(GatewayEvent change)
    {
        try
        {
            GatewayChanged?.Invoke(change);
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(_logger, change.Kind.ToString(), ex);
        }
    }
}

using System.Net;
using Actors.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Networking.Gateway;

/// <summary>Log messages of the client gateway.</summary>
internal sealed partial class ClientGateway
{
    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.GatewayClientConnected, LogLevel.Information, "Client {ClientId} connected to the gateway from {RemoteEndPoint}")]
        public static partial void ClientConnected(ILogger logger, string clientId, IPEndPoint remoteEndPoint);

        [LoggerMessage(
            RuntimeEventIds.GatewayClientDisconnected,
            LogLevel.Information,
            "Client {ClientId} at {RemoteEndPoint} disconnected from the gateway ({Reason}); {DroppedCalls} calls in flight were dropped")]
        public static partial void ClientDisconnected(ILogger logger, string clientId, IPEndPoint remoteEndPoint, string? reason, int droppedCalls);

        [LoggerMessage(RuntimeEventIds.GatewayStarted, LogLevel.Information, "Gateway of silo {Silo} listening for clients on {EndPoint}")]
        public static partial void Started(ILogger logger, IPEndPoint endPoint, SiloAddress silo);

        [LoggerMessage(
            RuntimeEventIds.GatewayDraining,
            LogLevel.Information,
            "Gateway closing: told {Clients} clients, waiting up to {DrainTimeout} for {InFlight} calls in flight")]
        public static partial void Draining(ILogger logger, int clients, int inFlight, TimeSpan drainTimeout);

        [LoggerMessage(
            RuntimeEventIds.GatewayDrainIncomplete,
            LogLevel.Warning,
            "Gateway closed with {InFlight} calls still in flight and {Clients} clients still connected after waiting {DrainTimeout}")]
        public static partial void DrainIncomplete(ILogger logger, int inFlight, int clients, TimeSpan drainTimeout);

        [LoggerMessage(RuntimeEventIds.GatewayMessageMalformed, LogLevel.Warning, "Gateway dropped {Message} from {Client}: {Reason}")]
        public static partial void Malformed(ILogger logger, string message, string client, string reason);
    }
}

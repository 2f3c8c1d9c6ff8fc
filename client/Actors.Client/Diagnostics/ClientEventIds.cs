namespace Actors.Client.Diagnostics;

/// <summary>
/// Stable log event ids of the cluster client, range 6000-6099 (the runtime uses 1000-1999, the silo host 5000-5999).
/// </summary>
internal static class ClientEventIds
{
    public const int Connected = 6000;
    public const int ConnectionLost = 6001;
    public const int GatewayClosing = 6002;
    public const int ConnectFailed = 6003;
    public const int NoGatewayReachable = 6004;
    public const int RefreshFailed = 6005;
    public const int GatewaysRefreshed = 6006;
    public const int UnexpectedMessage = 6007;
    public const int CallsFailedOnLostConnection = 6008;
    public const int MessageUndelivered = 6009;
    public const int EventHandlerFailed = 6010;
}

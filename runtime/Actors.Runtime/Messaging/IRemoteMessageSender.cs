namespace Actors.Runtime.Messaging;

/// <summary>Sends requests to other silos (implemented by the silo connections).</summary>
internal interface IRemoteMessageSender
{
    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="target"/>. Never throws: a failure to send fails the
    /// request's response sink (or is logged for one-way requests).
    /// </summary>
    void SendRequest(SiloAddress target, Message message);
}

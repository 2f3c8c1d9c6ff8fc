using Actors.Client.Messaging;
using Actors.Transport;

namespace Actors.Client.Connections;

/// <summary>A request on its way to a gateway: the message, the call waiting on it (none for one-way) and its deadline.</summary>
internal readonly record struct Outgoing(WireMessage Wire, PendingCall? Call, long DeadlineTimestamp);

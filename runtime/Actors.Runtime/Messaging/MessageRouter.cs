using Actors.Runtime.Activations;
using Actors.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Messaging;

/// <summary>
/// Takes a request to the activation of its target grain: finds or makes it in the catalog and queues the
/// message; if the activation went away meanwhile, routes again.
/// </summary>
internal sealed partial class MessageRouter(Catalog catalog, ILogger<MessageRouter> logger)
{
    // An activation can leave the catalog between lookup and enqueue; a few retries find its successor.
    private const int MaxDeliveryAttempts = 8;

    private readonly Catalog _catalog = catalog;
    private readonly ILogger<MessageRouter> _logger = logger;

    public void SendRequest(Message message) => Deliver(message);

    /// <summary>Routes a message again (it reached an activation that deactivated before running it).</summary>
    public void Reroute(Message message) => Deliver(message);

    private void Deliver(Message message)
    {
        for (var attempt = 0; attempt < MaxDeliveryAttempts; attempt++)
        {
            ActivationData activation;
            try
            {
                activation = _catalog.GetOrCreate(message.TargetGrain);
            }
            catch (Exception ex)
            {
                Undeliverable(message, ex);
                return;
            }

            if (activation.Enqueue(message))
            {
                return;
            }
        }

        Undeliverable(message, new InvalidOperationException(
            $"{message.TargetGrain} kept deactivating while {message.Request} was delivered ({MaxDeliveryAttempts} attempts)."));
    }

    private void Undeliverable(Message message, Exception error)
    {
        if (message.ResponseSink is { } sink)
        {
            sink.Fail(error);
        }
        else
        {
            Log.Undeliverable(_logger, message.ToString(), error);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.MessageUndeliverable, LogLevel.Warning, "Could not deliver {Message}")]
        public static partial void Undeliverable(ILogger logger, string message, Exception exception);
    }
}

using Actors.Runtime.Activations;
using Actors.Runtime.Messaging;

namespace Actors.Runtime.Hosting;

internal sealed class RuntimeStatistics(Catalog catalog, CallbackRegistry callbacks, TimeProvider time) : IRuntimeStatistics
{
    private readonly Catalog _catalog = catalog;
    private readonly CallbackRegistry _callbacks = callbacks;

    public int ActivationCount => _catalog.Count;

    public int PendingCalls => _callbacks.PendingCount;

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();
}

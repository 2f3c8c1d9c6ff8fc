using System.Diagnostics.Metrics;

namespace Actors.Runtime.Diagnostics;

/// <summary>The runtime's metrics (meter <c>Actors.Runtime</c>).</summary>
internal sealed class RuntimeInstruments : IDisposable
{
    public const string MeterName = "Actors.Runtime";

    private readonly Meter _meter;
    private readonly UpDownCounter<long> _activations;
    private readonly Counter<long> _requestsSent;

    public RuntimeInstruments(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _activations = _meter.CreateUpDownCounter<long>("actors.activations", description: "Activations in this silo.");
        _requestsSent = _meter.CreateCounter<long>("actors.requests.sent", description: "Grain calls sent from this silo.");
    }

    public void ActivationCreated(GrainType grainType)
    {
        if (_activations.Enabled)
        {
            _activations.Add(1, new KeyValuePair<string, object?>("grain.type", grainType.Value));
        }
    }

    public void ActivationDestroyed(GrainType grainType)
    {
        if (_activations.Enabled)
        {
            _activations.Add(-1, new KeyValuePair<string, object?>("grain.type", grainType.Value));
        }
    }

    public void RequestSent()
    {
        if (_requestsSent.Enabled)
        {
            _requestsSent.Add(1);
        }
    }

    public void Dispose() => _meter.Dispose();
}

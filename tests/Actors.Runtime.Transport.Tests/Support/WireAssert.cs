using Actors.Transport;

namespace Actors.Runtime.Transport.Tests.Support;

/// <summary>Field-by-field equality of wire messages (the message type has reference equality).</summary>
internal static class WireAssert
{
    public static void Equal(WireMessage expected, WireMessage? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Flags, actual.Flags);
        Assert.Equal(expected.CorrelationId, actual.CorrelationId);
        Assert.Equal(expected.TargetGrain, actual.TargetGrain);
        Assert.Equal(expected.SendingGrain, actual.SendingGrain);
        Assert.Equal(expected.TargetSilo, actual.TargetSilo);
        Assert.Equal(expected.SendingSilo, actual.SendingSilo);
        Assert.Equal(expected.SendingSilo?.Endpoint.Address.ScopeId, actual.SendingSilo?.Endpoint.Address.ScopeId);
        Assert.Equal(expected.InterfaceName, actual.InterfaceName);
        Assert.Equal(expected.MethodSignature, actual.MethodSignature);
        Assert.Equal(expected.TimeoutMilliseconds, actual.TimeoutMilliseconds);
        Assert.Equal(expected.CallChain, actual.CallChain);
        Assert.Equal(expected.TraceParent, actual.TraceParent);
        Assert.Equal(expected.ForwardCount, actual.ForwardCount);
        Assert.Equal(expected.CacheInvalidations, actual.CacheInvalidations);
        Assert.Equal(expected.Body.ToArray(), actual.Body.ToArray());
    }
}

namespace Actors;

/// <summary>
/// A grain interface method whose caller does not wait for a response: the returned task completes when the
/// request is handed to the runtime, and the callee's exceptions are logged, not returned.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class OneWayAttribute : Attribute;

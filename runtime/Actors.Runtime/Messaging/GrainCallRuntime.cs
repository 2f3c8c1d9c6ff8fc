using System.Diagnostics;
using Actors.Filters;
using Actors.Invocation;
using Actors.Runtime.Diagnostics;
using Actors.Runtime.Filters;
using Actors.Runtime.GrainReferences;
using Actors.Runtime.Hosting;
using Actors.Runtime.Scheduling;
using Actors.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Messaging;

/// <summary>
/// The silo side of grain references: turns a call into a message with its deadline, call chain and trace
/// context, registers the caller's completion, and hands the message to the router.
/// </summary>
internal sealed class GrainCallRuntime(
    CallbackRegistry callbacks,
    MessageRouter router,
    IDeepCopier copier,
    ILocalSiloDetails silo,
    TimeProvider time,
    IOptions<MessagingOptions> options,
    RuntimeInstruments instruments,
    IEnumerable<IOutgoingGrainCallFilter> outgoingFilters,
    IServiceProvider services) : IGrainReferenceRuntime
{
    private readonly CallbackRegistry _callbacks = callbacks;
    private readonly MessageRouter _router = router;
    private readonly IDeepCopier _copier = copier;
    private readonly SiloAddress _silo = silo.SiloAddress;
    private readonly TimeProvider _time = time;
    private readonly TimeSpan _defaultTimeout = options.Value.ResponseTimeout;
    private readonly RuntimeInstruments _instruments = instruments;
    private readonly IOutgoingGrainCallFilter[] _outgoingFilters = [.. outgoingFilters];
    private readonly IServiceProvider _services = services;
    private GrainReferenceActivator? _activator;

    public Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request) =>
        _outgoingFilters.Length == 0 ? SendAsync(target, request) : InvokeFilteredAsync(target, request);

    public void InvokeOneWay(GrainReference target, GrainRequest request)
    {
        var message = CreateMessage(target, request, MessageKind.OneWayRequest);
        request.CopyArguments(_copier);
        _instruments.RequestSent();
        _router.SendRequest(message);
    }

    public TGrainInterface Cast<TGrainInterface>(GrainReference reference)
        where TGrainInterface : IAddressable =>
        (_activator ??= _services.GetRequiredService<GrainReferenceActivator>()).CreateReference<TGrainInterface>(reference.GrainId);

    private Task<TResult> SendAsync<TResult>(GrainReference target, GrainRequest<TResult> request)
    {
        var message = CreateMessage(target, request, MessageKind.Request);

        // A grain caller is completed inside its own turn; anyone else from the thread pool (see ResponseCompletion).
        var completion = new ResponseCompletion<TResult>(message, TurnContext.CurrentTurn, _copier);
        message.ResponseSink = completion;
        _callbacks.Register(completion);
        completion.RegisterCancellation(request.CancellationToken);

        // In-silo the request object itself is handed over: copy what the caller could still change.
        try
        {
            request.CopyArguments(_copier);
        }
        catch (Exception ex)
        {
            completion.Fail(ex);
            return completion.Task;
        }

        _instruments.RequestSent();
        _router.SendRequest(message);
        return completion.Task;
    }

    private async Task<TResult> InvokeFilteredAsync<TResult>(GrainReference target, GrainRequest<TResult> request)
    {
        var source = TurnContext.CurrentTurn?.Activation.GrainId;
        var context = new OutgoingGrainCallContext<TResult>(target, request, source, _outgoingFilters, SendAsync);
        await context.InvokeAsync();
        return context.Result is null ? default! : (TResult)context.Result;
    }

    private Message CreateMessage(GrainReference target, GrainRequest request, MessageKind kind)
    {
        var method = request.Method;
        var timeout = target.Shared.ResponseTimeout ?? method.ResponseTimeout ?? _defaultTimeout;
        var caller = TurnContext.CurrentTurn;
        return new Message
        {
            Id = _callbacks.NextCallId(),
            Kind = kind,
            TargetGrain = target.GrainId,
            SendingGrain = caller?.Activation.GrainId ?? default,
            SendingSilo = _silo,
            Request = request,
            DeadlineTimestamp = _time.GetTimestamp() + (long)(timeout.TotalSeconds * _time.TimestampFrequency),
            CallChain = caller?.ChainForOutgoingCall(),
            TraceParent = Activity.Current?.Id,
            IsReadOnly = method.IsReadOnly,
            IsAlwaysInterleave = method.IsAlwaysInterleave,
        };
    }
}

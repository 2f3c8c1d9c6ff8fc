using Actors.Reminders;
using Actors.Timers;

namespace Actors;

/// <summary>
/// The base class of grain implementations. The runtime makes instances (never call the constructor
/// yourself) and runs each activation's turns one at a time unless the class or method says otherwise.
/// </summary>
public abstract class Grain : IAddressable
{
    /// <summary>Made by the runtime inside an activation's turn.</summary>
    /// <exception cref="InvalidOperationException">Constructed outside the runtime.</exception>
    protected Grain()
    {
        GrainContext = RuntimeContext.Current
            ?? throw new InvalidOperationException(
                $"{GetType().Name} was constructed outside the runtime. Get a reference with IGrainFactory.GetGrain and call it instead.");
    }

    /// <summary>The activation's context.</summary>
    public IGrainContext GrainContext { get; }

    /// <summary>The grain's id.</summary>
    public GrainId GrainId => GrainContext.GrainId;

    /// <summary>The grain's id as text (<c>type/key</c>).</summary>
    public string IdentityString => GrainContext.GrainId.ToString();

    /// <summary>The silo hosting this activation.</summary>
    public string RuntimeIdentity => GrainContext.Silo.ToString();

    /// <summary>A factory for references to other grains.</summary>
    protected IGrainFactory GrainFactory => GrainContext.GrainFactory;

    /// <summary>The silo's services.</summary>
    protected IServiceProvider ServiceProvider => GrainContext.ActivationServices;

    /// <summary>Runs before the activation takes its first request; an exception fails that request and discards the activation.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once when the activation is deactivated (idle collection, request, silo stop).</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation when its current requests finish; the next call activates it anew.</summary>
    protected void DeactivateOnIdle() =>
        GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    /// <summary>Keeps this activation from idle collection for at least <paramref name="timeSpan"/>.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => GrainContext.DelayDeactivation(timeSpan);

    /// <summary>
    /// Registers an in-memory timer whose callback runs as a turn of this activation (and so does not overlap
    /// other turns unless <see cref="GrainTimerCreationOptions.Interleave"/> is set). The next tick is counted
    /// from the end of the previous callback. Timers end with the activation; reminders are durable.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return GrainContext.RegisterGrainTimer(callback, state, options);
    }

    /// <summary>Registers a timer without state.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return GrainContext.RegisterGrainTimer(static (cb, ct) => cb(ct), callback, options);
    }

    /// <summary>Registers a timer with a due time and period.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>
    /// Registers (or changes) a durable reminder: it survives deactivation and silo restarts and calls
    /// <see cref="IRemindable.ReceiveReminderAsync"/>, activating the grain if needed. Periods of at least one second.
    /// </summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default)
    {
        if (this is not IRemindable)
        {
            throw new InvalidOperationException($"{GetType().Name} registers a reminder but does not implement IRemindable.");
        }

        return Reminders.RegisterOrUpdateReminderAsync(GrainId, reminderName, dueTime, period, cancellationToken);
    }

    /// <summary>Removes a reminder.</summary>
    protected Task UnregisterReminderAsync(IGrainReminder reminder, CancellationToken cancellationToken = default) =>
        Reminders.UnregisterReminderAsync(GrainId, reminder, cancellationToken);

    /// <summary>Finds one of this grain's reminders by name.</summary>
    protected Task<IGrainReminder?> GetReminderAsync(string reminderName, CancellationToken cancellationToken = default) =>
        Reminders.GetReminderAsync(GrainId, reminderName, cancellationToken);

    /// <summary>Lists this grain's reminders.</summary>
    protected Task<IReadOnlyList<IGrainReminder>> GetRemindersAsync(CancellationToken cancellationToken = default) =>
        Reminders.GetRemindersAsync(GrainId, cancellationToken);

    private IReminderRegistry Reminders =>
        GrainContext.ActivationServices.GetService(typeof(IReminderRegistry)) as IReminderRegistry
        ?? throw new InvalidOperationException("This silo has no reminder service configured.");
}

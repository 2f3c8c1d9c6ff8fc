namespace Actors.Runtime.Reminders;

/// <summary>
/// Tells the silo that owns a grain's part of the ring that the grain's reminders changed in the table, so it
/// starts or stops firing them now rather than at its next refresh (implemented by the silo connections).
/// </summary>
internal interface IReminderChangeNotifier
{
    void NotifyRemindersChanged(SiloAddress owner, GrainId grainId);
}

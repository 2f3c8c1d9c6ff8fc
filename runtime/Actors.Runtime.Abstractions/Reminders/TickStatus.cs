namespace Actors.Reminders;

/// <summary>One reminder tick: the reminder's first tick time, its period and the time this tick was due.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);

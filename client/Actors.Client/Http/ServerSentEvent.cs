namespace Actors.Client.Http;

/// <summary>One event of a <c>text/event-stream</c>.</summary>
/// <param name="Event">The event name (<c>message</c> when the stream gave none).</param>
/// <param name="Id">The event id, when the stream gave one.</param>
/// <param name="Data">The data lines, joined by line feeds.</param>
internal sealed record ServerSentEvent(string Event, string? Id, string Data);

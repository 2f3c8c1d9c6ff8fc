namespace Actors.Silo.Endpoints.Jobs;

/// <summary>Who submits and under which idempotency key.</summary>
/// <param name="Submitter">The header <c>X-Submitter</c>, else the caller's address, else "anonymous".</param>
/// <param name="IdempotencyKey">The header <c>Idempotency-Key</c>, when given.</param>
internal sealed record SubmissionCaller(string Submitter, string? IdempotencyKey);

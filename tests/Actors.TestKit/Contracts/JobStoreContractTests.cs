using Actors.GrainInterfaces.Jobs;
using Actors.Grains.Jobs.Storage;
using Xunit;
using static Actors.TestKit.Contracts.JobStoreContractSamples;

namespace Actors.TestKit.Contracts;

/// <summary>
/// The behaviour every <see cref="IJobStore"/> must have, run against each store (in-memory, PostgreSQL) by deriving
/// once per store, so they cannot drift apart: every field of a job survives; inserts never overwrite; updates are
/// compare-and-set on the version; listings are newest first with stable keyset cursors and filters; blobs are
/// byte-exact per job, kind and attempt; concurrent writers all land.
/// </summary>
/// <remarks>Every test works in a store of its own, empty when created, so listings see only the test's jobs.</remarks>
public abstract partial class JobStoreContractTests : IAsyncDisposable
{
    private readonly List<IJobStore> _stores = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Creates an empty store for one test; disposed (when disposable) after the test.</summary>
    protected abstract Task<IJobStore> CreateEmptyStoreAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task GetAsync_UnknownJob_ReturnsNull()
    {
        var store = await NewStoreAsync();

        ContractAssert.Equal(null, await store.GetAsync("no-such-job", Token), "job read for an unknown id");
    }

    [Fact]
    public async Task InsertAsync_ThenGetAsync_RoundTripsEveryField()
    {
        var store = await NewStoreAsync();
        var job = Rich("rich-1");

        var inserted = await store.InsertAsync(job, Token);
        var read = ContractAssert.NotNull(await store.GetAsync("rich-1", Token), "job read back");

        ContractAssert.Equal(true, inserted, "insert of a new job");
        ContractAssert.Equal(Describe(job), Describe(read), "every field of the job read back");
        ContractAssert.SequenceEqual(job.Spec.InlineInput!, read.Spec.InlineInput!, "inline input bytes");
        ContractAssert.Equal((job.CreatedAt.Ticks, job.CreatedAt.Offset), (read.CreatedAt.Ticks, read.CreatedAt.Offset), "CreatedAt ticks and offset");
        ContractAssert.Equal(job.Attempts[1].ScheduledAt.Offset, read.Attempts[1].ScheduledAt.Offset, "offset of an attempt's time");
        ContractAssert.Equal(JobStatus.Running, read.Status, "status");
        ContractAssert.Equal(AttemptOutcome.InfrastructureError, read.Attempts[0].Outcome, "outcome of attempt 1");
        ContractAssert.Equal(null, read.Attempts[1].Outcome, "outcome of the running attempt 2");
        ContractAssert.Equal(2, read.CurrentAttempt, "current attempt");
        ContractAssert.Equal("🚀", read.Spec.Labels!["emoji"], "a label beyond the BMP");
    }

    [Fact]
    public async Task InsertAsync_EveryStatusAndOutcome_RoundTrips()
    {
        var store = await NewStoreAsync();
        var statuses = Enum.GetValues<JobStatus>();
        var outcomes = Enum.GetValues<AttemptOutcome>();

        for (var i = 0; i < Math.Max(statuses.Length, outcomes.Length); i++)
        {
            var job = Rich("enum-" + i, statuses[i % statuses.Length], outcomes[i % outcomes.Length]);
            await store.InsertAsync(job, Token);
            var read = ContractAssert.NotNull(await store.GetAsync(job.Id, Token), $"job {job.Id}");
            ContractAssert.Equal(job.Status, read.Status, $"status of {job.Id}");
            ContractAssert.Equal(job.Attempts[0].Outcome, read.Attempts[0].Outcome, $"attempt outcome of {job.Id}");
            ContractAssert.Equal(Describe(job), Describe(read), $"every field of {job.Id}");
        }
    }

    [Fact]
    public async Task InsertAsync_SameIdTwice_ReturnsFalseAndKeepsOriginal()
    {
        var store = await NewStoreAsync();
        var original = Rich("dup");
        await store.InsertAsync(original, Token);

        var second = await store.InsertAsync(Job("dup", Epoch.AddDays(1), JobStatus.Failed, version: 99), Token);

        ContractAssert.Equal(false, second, "second insert of the same id");
        ContractAssert.Equal(Describe(original), Describe(await store.GetAsync("dup", Token)), "job after the refused insert");
    }

    [Fact]
    public async Task InsertAsync_ConcurrentInsertsOfOneId_ExactlyOneWins()
    {
        const int Writers = 8;
        var store = await NewStoreAsync();
        var candidates = Enumerable.Range(0, Writers).Select(i => Job("contended", Epoch.AddSeconds(i), version: i + 1)).ToList();

        var outcomes = await Task.WhenAll(candidates.Select(job => Task.Run(() => store.InsertAsync(job, Token), Token)));

        var winners = outcomes.Select((won, i) => (won, i)).Where(o => o.won).Select(o => o.i).ToList();
        ContractAssert.Equal(1, winners.Count, $"inserts of one id that won (of {Writers}: {string.Join(", ", winners)})");
        ContractAssert.Equal(Describe(candidates[winners[0]]), Describe(await store.GetAsync("contended", Token)), "stored job is the winner's");
    }

    [Fact]
    public async Task InsertAsync_CallerChangesItsObjectsAfterwards_StoredJobUnchanged()
    {
        var store = await NewStoreAsync();
        var job = Rich("isolated");
        var expected = Describe(job);
        await store.InsertAsync(job, Token);

        job.Spec.InlineInput![0] ^= 0xFF;
        var read = ContractAssert.NotNull(await store.GetAsync("isolated", Token), "job");
        read.Spec.InlineInput![1] ^= 0xFF;

        job.Spec.InlineInput![0] ^= 0xFF;
        ContractAssert.Equal(expected, Describe(await store.GetAsync("isolated", Token)), "stored job after callers changed their copies");
    }

    [Fact]
    public async Task InsertAsync_UnstorableJob_ThrowsArgumentException()
    {
        var store = await NewStoreAsync();
        var valid = Job("valid", Epoch);
        JobSnapshot[] invalid =
        [
            valid with { Id = string.Empty },
            valid with { Id = new string('x', JobStoreArguments.MaxJobIdLength + 1) },
            valid with { Id = "bad\0id" },
            valid with { Reason = "nul \0 inside" },
            valid with { StderrTail = "lone \ud800 surrogate" },
            valid with { Spec = valid.Spec with { Labels = new Dictionary<string, string> { ["k"] = "v\0" } } },
            valid with { Status = (JobStatus)42 },
        ];

        foreach (var job in invalid)
        {
            await ContractAssert.ThrowsAsync<ArgumentException>(() => store.InsertAsync(job, Token), $"insert of an unstorable job ({Describe(job)[..Math.Min(80, Describe(job).Length)]}...)");
        }

        ContractAssert.Equal(0, (await ListAsync(store, new JobQuery(null, null, null, 100, null))).Count, "jobs stored after refused inserts");
    }

    [Fact]
    public async Task UpdateAsync_AtStoredVersion_ReplacesJob()
    {
        var store = await NewStoreAsync();
        await store.InsertAsync(Job("u1", Epoch, version: 1), Token);
        var next = Rich("u1", JobStatus.Succeeded) with { Version = 2 };

        var updated = await store.UpdateAsync(next, expectedVersion: 1, Token);

        ContractAssert.Equal(true, updated, "update at the stored version");
        ContractAssert.Equal(Describe(next), Describe(await store.GetAsync("u1", Token)), "job after the update");
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_ReturnsFalseAndChangesNothing()
    {
        var store = await NewStoreAsync();
        await store.InsertAsync(Job("u2", Epoch, version: 1), Token);
        var winner = Job("u2", Epoch, JobStatus.Scheduled, version: 2);
        await store.UpdateAsync(winner, 1, Token);

        var stale = await store.UpdateAsync(Job("u2", Epoch, JobStatus.Cancelled, version: 2), expectedVersion: 1, Token);

        ContractAssert.Equal(false, stale, "update at a stale version");
        ContractAssert.Equal(Describe(winner), Describe(await store.GetAsync("u2", Token)), "job after the refused update");
    }

    [Fact]
    public async Task UpdateAsync_UnknownJob_ReturnsFalseAndCreatesNothing()
    {
        var store = await NewStoreAsync();

        var updated = await store.UpdateAsync(Job("ghost", Epoch, version: 2), expectedVersion: 1, Token);

        ContractAssert.Equal(false, updated, "update of an unknown job");
        ContractAssert.Equal(null, await store.GetAsync("ghost", Token), "job after updating an unknown id");
    }

    [Fact]
    public async Task UpdateAsync_ConcurrentAtSameVersion_ExactlyOneWins()
    {
        const int Writers = 8;
        var store = await NewStoreAsync();
        await store.InsertAsync(Job("race", Epoch, version: 5), Token);
        var candidates = Enumerable.Range(0, Writers).Select(i => Job("race", Epoch, JobStatus.Scheduled, version: 6) with { Node = "node-" + i }).ToList();

        var outcomes = await Task.WhenAll(candidates.Select(job => Task.Run(() => store.UpdateAsync(job, 5, Token), Token)));

        var winners = outcomes.Select((won, i) => (won, i)).Where(o => o.won).Select(o => o.i).ToList();
        ContractAssert.Equal(1, winners.Count, $"updates at version 5 that won (of {Writers}: {string.Join(", ", winners)})");
        ContractAssert.Equal(Describe(candidates[winners[0]]), Describe(await store.GetAsync("race", Token)), "stored job is the winner's");
    }

    [Fact]
    public async Task UpdateAsync_VersionNotAboveExpected_ThrowsArgumentException()
    {
        var store = await NewStoreAsync();
        await store.InsertAsync(Job("u3", Epoch, version: 3), Token);

        await ContractAssert.ThrowsAsync<ArgumentException>(() => store.UpdateAsync(Job("u3", Epoch, JobStatus.Failed, version: 3), 3, Token), "update that does not advance the version");

        ContractAssert.Equal(Describe(Job("u3", Epoch, version: 3)), Describe(await store.GetAsync("u3", Token)), "job after the refused update");
    }

    [Fact]
    public async Task InsertAsync_200Concurrent_AllLand()
    {
        const int Jobs = 200;
        var store = await NewStoreAsync();
        var labels = new Dictionary<string, string> { ["load"] = "yes" };
        var jobs = Enumerable.Range(0, Jobs).Select(i => Job($"load-{i:D3}", Epoch.AddMilliseconds(i), labels: labels)).ToList();

        var outcomes = await Task.WhenAll(jobs.Select(job => Task.Run(() => store.InsertAsync(job, Token), Token)));

        ContractAssert.Equal(Jobs, outcomes.Count(o => o), "concurrent inserts that succeeded");
        var listed = await ListAsync(store, new JobQuery(null, "load", "yes", JobStoreArguments.MaxListLimit, null));
        ContractAssert.SequenceEqual(jobs.Select(j => j.Id).Reverse(), listed.Select(j => j.Id), "listed jobs, newest first");
        foreach (var job in jobs)
        {
            ContractAssert.Equal(Describe(job), Describe(await store.GetAsync(job.Id, Token)), $"job {job.Id} read back");
        }
    }

    private async Task<IJobStore> NewStoreAsync()
    {
        var store = await CreateEmptyStoreAsync(Token);
        _stores.Add(store);
        return store;
    }

    /// <summary>Every page of a listing, following cursors (at most 100 pages).</summary>
    private static async Task<List<List<string>>> ListAllAsync(IJobStore store, JobQuery query)
    {
        var pages = new List<List<string>>();
        var cursor = query.Cursor;
        do
        {
            var page = await store.ListAsync(query with { Cursor = cursor }, Token);
            pages.Add([.. page.Jobs.Select(j => j.Id)]);
            ContractAssert.True(page.NextCursor is null || page.Jobs.Count == query.Limit, $"a page with a next cursor is full (page {pages.Count} has {page.Jobs.Count})");
            cursor = page.NextCursor;
        }
        while (cursor is not null && pages.Count < 100);

        ContractAssert.Equal(null, cursor, "cursor after 100 pages (a listing that never ends)");
        return pages;
    }

    /// <summary>All jobs the query matches, over all pages.</summary>
    private static async Task<List<JobSnapshot>> ListAsync(IJobStore store, JobQuery query)
    {
        var jobs = new List<JobSnapshot>();
        var cursor = query.Cursor;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await store.ListAsync(query with { Cursor = cursor }, Token);
            jobs.AddRange(page.Jobs);
            cursor = page.NextCursor;
            if (cursor is null)
            {
                return jobs;
            }
        }

        throw new ContractAssertionException("A listing did not end within 100 pages.");
    }
}

using Actors.GrainInterfaces.Jobs;
using Actors.Grains.Jobs.Storage;
using Xunit;
using static Actors.TestKit.Contracts.JobStoreContractSamples;

namespace Actors.TestKit.Contracts;

/// <summary>The job store contract: listings (newest first, keyset cursors, filters) and the scheduler's unfinished jobs.</summary>
public abstract partial class JobStoreContractTests
{
    [Fact]
    public async Task ListAsync_EmptyStore_ReturnsEmptyLastPage()
    {
        var store = await NewStoreAsync();

        var page = await store.ListAsync(new JobQuery(null, null, null, 10, null), Token);

        ContractAssert.Equal(0, page.Jobs.Count, "jobs listed in an empty store");
        ContractAssert.Equal(null, page.NextCursor, "cursor of the only page");
    }

    [Fact]
    public async Task ListAsync_NoFilter_ReturnsNewestFirst()
    {
        var store = await NewStoreAsync();
        foreach (var (id, minutes) in new[] { ("b", 2), ("a", 5), ("d", 1), ("c", 3), ("e", 4) })
        {
            await store.InsertAsync(Job(id, Epoch.AddMinutes(minutes)), Token);
        }

        var page = await store.ListAsync(new JobQuery(null, null, null, 10, null), Token);

        ContractAssert.SequenceEqual(["a", "e", "c", "b", "d"], page.Jobs.Select(j => j.Id), "ids newest first");
        ContractAssert.Equal(null, page.NextCursor, "cursor when everything fit");
    }

    [Fact]
    public async Task ListAsync_PagesOf10Through25Jobs_ReturnsEachJobOnceInOrder()
    {
        var store = await NewStoreAsync();

        // Five jobs share each instant (ties broken by id, descending). The first of each five is 2 ticks (0.2 µs)
        // later: storage keeps microseconds, so it still ties, and sorts last of its five by id.
        var jobs = Enumerable.Range(0, 25).Select(i => Job($"job-{i:D2}", Epoch.AddSeconds(i / 5).AddTicks(i % 5 == 0 ? 2 : 0))).ToList();
        foreach (var job in jobs.OrderBy(j => j.Id.GetHashCode(StringComparison.Ordinal)))
        {
            await store.InsertAsync(job, Token);
        }

        var expected = jobs.OrderByDescending(j => j.CreatedAt.UtcTicks / 10).ThenByDescending(j => j.Id, StringComparer.Ordinal).Select(j => j.Id).ToList();
        var pages = await ListAllAsync(store, new JobQuery(null, null, null, 10, null));

        ContractAssert.SequenceEqual([10, 10, 5], pages.Select(p => p.Count), "page sizes");
        ContractAssert.SequenceEqual(expected, pages.SelectMany(p => p), "ids over all pages");
    }

    [Fact]
    public async Task ListAsync_JobsInsertedAfterFirstPage_DoNotShiftLaterPages()
    {
        var store = await NewStoreAsync();
        for (var i = 0; i < 6; i++)
        {
            await store.InsertAsync(Job($"old-{i}", Epoch.AddSeconds(i)), Token);
        }

        var first = await store.ListAsync(new JobQuery(null, null, null, 3, null), Token);
        await store.InsertAsync(Job("newest", Epoch.AddHours(1)), Token);
        var second = await store.ListAsync(new JobQuery(null, null, null, 3, first.NextCursor), Token);

        ContractAssert.SequenceEqual(["old-5", "old-4", "old-3"], first.Jobs.Select(j => j.Id), "first page");
        ContractAssert.SequenceEqual(["old-2", "old-1", "old-0"], second.Jobs.Select(j => j.Id), "second page after a newer job arrived");
        ContractAssert.Equal(null, second.NextCursor, "cursor after the last page");
    }

    [Fact]
    public async Task ListAsync_ByStatus_ReturnsOnlyJobsInThatStatus()
    {
        var store = await NewStoreAsync();
        var statuses = Enum.GetValues<JobStatus>();
        for (var i = 0; i < 21; i++)
        {
            await store.InsertAsync(Job($"s-{i:D2}", Epoch.AddSeconds(i), statuses[i % statuses.Length]), Token);
        }

        await store.UpdateAsync(Job("s-00", Epoch, JobStatus.Running, version: 2), 1, Token);

        var running = await ListAsync(store, new JobQuery(JobStatus.Running, null, null, 2, null));
        var queued = await ListAsync(store, new JobQuery(JobStatus.Queued, null, null, 2, null));

        ContractAssert.SequenceEqual(["s-16", "s-09", "s-02", "s-00"], running.Select(j => j.Id), "running jobs, newest first");
        ContractAssert.SequenceEqual(["s-14", "s-07"], queued.Select(j => j.Id), "queued jobs after s-00 started running");
        ContractAssert.True(running.All(j => j.Status == JobStatus.Running), "every listed job is running");
    }

    [Fact]
    public async Task ListAsync_ByLabelKey_ReturnsJobsHavingThatLabel()
    {
        var store = await NewStoreAsync();
        await store.InsertAsync(Job("l-1", Epoch.AddSeconds(1), labels: new Dictionary<string, string> { ["team"] = "a" }), Token);
        await store.InsertAsync(Job("l-2", Epoch.AddSeconds(2), labels: new Dictionary<string, string> { ["team"] = "b", ["env"] = "prod" }), Token);
        await store.InsertAsync(Job("l-3", Epoch.AddSeconds(3), labels: new Dictionary<string, string> { ["env"] = "team" }), Token);
        await store.InsertAsync(Job("l-4", Epoch.AddSeconds(4)), Token);

        var withTeam = await ListAsync(store, new JobQuery(null, "team", null, 10, null));
        var withNothing = await ListAsync(store, new JobQuery(null, "absent", null, 10, null));

        ContractAssert.SequenceEqual(["l-2", "l-1"], withTeam.Select(j => j.Id), "jobs labelled 'team'");
        ContractAssert.Equal(0, withNothing.Count, "jobs with a label nobody has");
    }

    [Fact]
    public async Task ListAsync_ByLabelKeyAndValue_ReturnsOnlyThatValue()
    {
        var store = await NewStoreAsync();
        await store.InsertAsync(Job("v-1", Epoch.AddSeconds(1), labels: new Dictionary<string, string> { ["team"] = "a" }), Token);
        await store.InsertAsync(Job("v-2", Epoch.AddSeconds(2), labels: new Dictionary<string, string> { ["team"] = "b", ["env"] = "a" }), Token);
        await store.InsertAsync(Job("v-3", Epoch.AddSeconds(3), labels: new Dictionary<string, string> { ["team"] = "a", ["env"] = "prod" }), Token);
        await store.InsertAsync(Job("v-4", Epoch.AddSeconds(4), labels: new Dictionary<string, string> { ["team"] = "A" }), Token);

        var teamA = await ListAsync(store, new JobQuery(null, "team", "a", 10, null));

        ContractAssert.SequenceEqual(["v-3", "v-1"], teamA.Select(j => j.Id), "jobs labelled team=a (case-sensitive)");
    }

    [Fact]
    public async Task ListAsync_StatusAndLabelWithPaging_ReturnsEachMatchOnce()
    {
        var store = await NewStoreAsync();
        for (var i = 0; i < 24; i++)
        {
            var labels = new Dictionary<string, string> { ["batch"] = i % 2 == 0 ? "even" : "odd" };
            await store.InsertAsync(Job($"p-{i:D2}", Epoch.AddSeconds(i), i % 4 < 2 ? JobStatus.Succeeded : JobStatus.Failed, labels), Token);
        }

        var pages = await ListAllAsync(store, new JobQuery(JobStatus.Succeeded, "batch", "even", 2, null));

        ContractAssert.SequenceEqual(["p-20", "p-16", "p-12", "p-08", "p-04", "p-00"], pages.SelectMany(p => p), "succeeded even jobs over all pages");
        ContractAssert.SequenceEqual([2, 2, 2], pages.Select(p => p.Count), "page sizes");
    }

    [Fact]
    public async Task ListAsync_MalformedCursor_ThrowsInvalidJobCursorException()
    {
        var store = await NewStoreAsync();
        await store.InsertAsync(Job("c-1", Epoch), Token);
        string[] malformed = ["", "not a cursor!", "AAAA", "%%%", Convert.ToBase64String(new byte[40]), "AQAAAAAAAAAA"];

        foreach (var cursor in malformed)
        {
            await ContractAssert.ThrowsAsync<InvalidJobCursorException>(
                () => store.ListAsync(new JobQuery(null, null, null, 10, cursor), Token), $"listing with the cursor \"{cursor}\"");
        }
    }

    [Fact]
    public async Task ListAsync_InvalidQuery_ThrowsArgumentException()
    {
        var store = await NewStoreAsync();

        await ContractAssert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAsync(new JobQuery(null, null, null, 0, null), Token), "listing with limit 0");
        await ContractAssert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.ListAsync(new JobQuery(null, null, null, JobStoreArguments.MaxListLimit + 1, null), Token), "listing above the largest limit");
        await ContractAssert.ThrowsAsync<ArgumentException>(() => store.ListAsync(new JobQuery(null, null, "value", 10, null), Token), "label value without key");
        await ContractAssert.ThrowsAsync<ArgumentException>(() => store.ListAsync(new JobQuery(null, string.Empty, null, 10, null), Token), "empty label key");
    }

    [Fact]
    public async Task ListUnfinishedAsync_ReturnsJobsNotFinalOldestFirstUpToLimit()
    {
        var store = await NewStoreAsync();
        var statuses = Enum.GetValues<JobStatus>();
        for (var i = 0; i < 14; i++)
        {
            // Inserted newest first, so insertion order cannot pass for age order.
            await store.InsertAsync(Job($"w-{13 - i:D2}", Epoch.AddSeconds(13 - i), statuses[(13 - i) % statuses.Length]), Token);
        }

        await store.UpdateAsync(Job("w-01", Epoch.AddSeconds(1), JobStatus.Cancelled, version: 2), 1, Token);

        var all = await store.ListUnfinishedAsync(100, Token);
        var firstTwo = await store.ListUnfinishedAsync(2, Token);

        ContractAssert.SequenceEqual(["w-00", "w-02", "w-07", "w-08", "w-09"], all.Select(j => j.Id), "unfinished jobs, oldest first");
        ContractAssert.True(all.All(j => !j.Status.IsFinal()), "no listed job is final");
        ContractAssert.SequenceEqual(["w-00", "w-02"], firstTwo.Select(j => j.Id), "the two oldest unfinished jobs");
        await ContractAssert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListUnfinishedAsync(0, Token), "limit 0");
    }
}

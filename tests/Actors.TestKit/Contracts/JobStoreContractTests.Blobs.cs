using Xunit;

namespace Actors.TestKit.Contracts;

/// <summary>The job store contract: input and output blobs, byte-exact per job, kind and attempt.</summary>
public abstract partial class JobStoreContractTests
{
    [Fact]
    public async Task PutInputAsync_FiveMebibytes_RoundTripsExactly()
    {
        var store = await NewStoreAsync();
        var input = new byte[5 * 1024 * 1024];
        new Random(7).NextBytes(input);

        await store.PutInputAsync("big", input, Token);
        var read = ContractAssert.NotNull(await store.GetInputAsync("big", Token), "input read back");

        ContractAssert.Equal(input.Length, read.Length, "input length");
        ContractAssert.True(input.AsSpan().SequenceEqual(read), "input bytes read back differ");
    }

    [Fact]
    public async Task GetInputAndOutputAsync_NothingStored_ReturnNull()
    {
        var store = await NewStoreAsync();
        await store.PutOutputAsync("blob-job", 1, new byte[] { 1 }, Token);

        ContractAssert.Equal(null, await store.GetInputAsync("blob-job", Token), "input never stored");
        ContractAssert.Equal(null, await store.GetOutputAsync("blob-job", 2, Token), "output of an attempt never stored");
        ContractAssert.Equal(null, await store.GetOutputAsync("other-job", 1, Token), "output of another job");
    }

    [Fact]
    public async Task PutOutputAsync_PerAttempt_KeepsAttemptsAndInputApart()
    {
        var store = await NewStoreAsync();
        await store.PutInputAsync("o-1", "input"u8.ToArray(), Token);
        await store.PutOutputAsync("o-1", 1, "first attempt"u8.ToArray(), Token);
        await store.PutOutputAsync("o-1", 2, new byte[] { 0, 255, 0 }, Token);
        await store.PutOutputAsync("o-2", 1, "other job"u8.ToArray(), Token);
        await store.PutOutputAsync("o-1", 3, ReadOnlyMemory<byte>.Empty, Token);

        ContractAssert.SequenceEqual("input"u8.ToArray(), ContractAssert.NotNull(await store.GetInputAsync("o-1", Token), "input"), "input");
        ContractAssert.SequenceEqual("first attempt"u8.ToArray(), ContractAssert.NotNull(await store.GetOutputAsync("o-1", 1, Token), "output 1"), "output of attempt 1");
        ContractAssert.SequenceEqual(new byte[] { 0, 255, 0 }, ContractAssert.NotNull(await store.GetOutputAsync("o-1", 2, Token), "output 2"), "output of attempt 2");
        ContractAssert.SequenceEqual(Array.Empty<byte>(), ContractAssert.NotNull(await store.GetOutputAsync("o-1", 3, Token), "output 3"), "empty output of attempt 3 (stored, not absent)");
        ContractAssert.SequenceEqual("other job"u8.ToArray(), ContractAssert.NotNull(await store.GetOutputAsync("o-2", 1, Token), "other job"), "output of another job");
        await ContractAssert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.PutOutputAsync("o-1", 0, new byte[1], Token), "output of attempt 0");
    }

    [Fact]
    public async Task PutBlobsAsync_Again_ReplaceAndIsolateFromCallerBuffers()
    {
        var store = await NewStoreAsync();
        var buffer = "first"u8.ToArray();
        await store.PutInputAsync("r-1", buffer, Token);
        await store.PutOutputAsync("r-1", 1, "one"u8.ToArray(), Token);

        buffer[0] = (byte)'X';
        ContractAssert.NotNull(await store.GetInputAsync("r-1", Token), "input")[1] = (byte)'Y';
        var afterCallersChangedTheirCopies = await store.GetInputAsync("r-1", Token);
        await store.PutInputAsync("r-1", "second"u8.ToArray(), Token);
        await store.PutOutputAsync("r-1", 1, "two"u8.ToArray(), Token);

        ContractAssert.SequenceEqual("first"u8.ToArray(), ContractAssert.NotNull(afterCallersChangedTheirCopies, "input"), "input after callers changed the arrays they wrote and read");
        ContractAssert.SequenceEqual("second"u8.ToArray(), ContractAssert.NotNull(await store.GetInputAsync("r-1", Token), "input"), "input after the rewrite");
        ContractAssert.SequenceEqual("two"u8.ToArray(), ContractAssert.NotNull(await store.GetOutputAsync("r-1", 1, Token), "output"), "output after the rewrite");
    }
}

using System.Text;
using Actors.Client.Http;

namespace Actors.Client.Tests.Http;

public sealed class ServerSentEventReaderTests
{
    [Fact]
    public async Task ReadAsync_FollowsTheEventStreamFormat()
    {
        const string Stream =
            ": comment\n" +
            "data: one\n" +
            "data:two\n" +
            "\n" +
            "event: status\n" +
            "id: 7\n" +
            "retry: 1000\n" +
            "unknown: x\n" +
            "data\n" +
            "\n" +
            "event: ignored-without-data\n" +
            "\n" +
            "data: é€😀\n" +
            "\n" +
            "data: no blank line at the end";

        var events = await ReadAllAsync(Encoding.UTF8.GetBytes(Stream), 1);

        Assert.Equal(3, events.Count);
        Assert.Equal(new ServerSentEvent("message", null, "one\ntwo"), events[0]);
        Assert.Equal(new ServerSentEvent("status", "7", string.Empty), events[1]);
        Assert.Equal("é€😀", events[2].Data);
        Assert.Equal("7", events[2].Id);
    }

    [Fact]
    public async Task ReadAsync_CrLfSplitBetweenReads_IsOneLineEnd()
    {
        // Chunks of 5 bytes end the first one between '\r' and '\n'.
        var events = await ReadAllAsync("data:\r\n\r\ndata: b\r\n\r\n"u8.ToArray(), 6, 1, 5);

        Assert.Equal(2, events.Count);
        Assert.Equal(string.Empty, events[0].Data);
        Assert.Equal("b", events[1].Data);
    }

    private static async Task<List<ServerSentEvent>> ReadAllAsync(byte[] bytes, params int[] chunks)
    {
        var events = new List<ServerSentEvent>();
        await using var stream = new ChunkedStream(bytes, chunks);
        await foreach (var message in ServerSentEventReader.ReadAsync(stream, TestContext.Current.CancellationToken))
        {
            events.Add(message);
        }

        return events;
    }
}

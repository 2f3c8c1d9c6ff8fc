using System.Threading.Channels;

namespace Actors.Benchmarks.InSilo;

/// <summary>
/// The baseline: a minimal hand-written actor, one unbounded Channel and one loop per actor, each request
/// answered through its own TaskCompletionSource. Same work as <see cref="PingGrain"/>.
/// </summary>
public sealed class ChannelActor
{
    private readonly Channel<(int Value, TaskCompletionSource<int> Reply)> _mailbox =
        Channel.CreateUnbounded<(int, TaskCompletionSource<int>)>(new UnboundedChannelOptions { SingleReader = true });

    private int _calls;

    public ChannelActor(CancellationToken stop) => Loop = RunAsync(stop);

    public Task Loop { get; }

    public Task<int> PingAsync(int value)
    {
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _mailbox.Writer.TryWrite((value, reply));
        return reply.Task;
    }

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var (value, reply) in _mailbox.Reader.ReadAllAsync(stop))
            {
                _calls++;
                reply.SetResult(value + 1);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

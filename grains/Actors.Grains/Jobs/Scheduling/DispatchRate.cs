namespace Actors.Grains.Jobs.Scheduling;

/// <summary>Counts dispatches over the last minute to estimate when a full queue will have room (the Retry-After hint).</summary>
internal sealed class DispatchRate(TimeProvider time)
{
    private const int BucketSeconds = 5;
    private const int Buckets = 12;
    private readonly long[] _counts = new long[Buckets];
    private readonly long[] _epochs = new long[Buckets];

    /// <summary>Counts one dispatch now.</summary>
    public void Record()
    {
        var epoch = time.GetUtcNow().ToUnixTimeSeconds() / BucketSeconds;
        var slot = (int)(epoch % Buckets);
        if (_epochs[slot] != epoch)
        {
            _epochs[slot] = epoch;
            _counts[slot] = 0;
        }

        _counts[slot]++;
    }

    /// <summary>Seconds until about 10 % of <paramref name="queued"/> jobs have left at the recent rate; 1 to 60.</summary>
    public int RetryAfterSeconds(int queued)
    {
        var epoch = time.GetUtcNow().ToUnixTimeSeconds() / BucketSeconds;
        long recent = 0;
        for (var i = 0; i < Buckets; i++)
        {
            if (epoch - _epochs[i] < Buckets)
            {
                recent += _counts[i];
            }
        }

        var perSecond = recent / (double)(BucketSeconds * Buckets);
        if (perSecond <= 0)
        {
            return 60;
        }

        return (int)Math.Clamp(Math.Ceiling(queued * 0.1 / perSecond), 1, 60);
    }
}

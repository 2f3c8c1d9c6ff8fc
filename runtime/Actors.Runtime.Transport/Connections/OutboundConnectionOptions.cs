namespace Actors.Transport;

/// <summary>
/// How an <see cref="OutboundConnection"/> retries: after a lost connection it reconnects at once; each failed
/// attempt waits <see cref="InitialBackoff"/>, doubled per further failure up to <see cref="MaxBackoff"/>, times a
/// random factor within ±<see cref="BackoffJitter"/> (so silos that lost the same peer do not retry in step).
/// Init accessors reject out-of-range values with an <see cref="ArgumentOutOfRangeException"/> naming the option.
/// </summary>
public sealed record OutboundConnectionOptions
{
    private readonly TimeSpan _initialBackoff = TimeSpan.FromMilliseconds(50);
    private readonly TimeSpan _maxBackoff = TimeSpan.FromSeconds(2);
    private readonly double _backoffJitter = 0.2;
    private readonly TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>The wait after the first failed attempt. Default 50 ms; 1 ms to 1 min.</summary>
    public TimeSpan InitialBackoff
    {
        get => _initialBackoff;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromMilliseconds(1), nameof(InitialBackoff));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromMinutes(1), nameof(InitialBackoff));
            _initialBackoff = value;
        }
    }

    /// <summary>The longest wait between attempts (jitter included). Default 2 s; 1 ms to 10 min.</summary>
    public TimeSpan MaxBackoff
    {
        get => _maxBackoff;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromMilliseconds(1), nameof(MaxBackoff));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromMinutes(10), nameof(MaxBackoff));
            _maxBackoff = value;
        }
    }

    /// <summary>The relative spread of each wait: 0.2 means 80% to 120% of the nominal wait. Default 0.2; 0 to 1.</summary>
    public double BackoffJitter
    {
        get => _backoffJitter;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 0d, nameof(BackoffJitter));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1d, nameof(BackoffJitter));
            _backoffJitter = value;
        }
    }

    /// <summary>The clock back-off waits run on. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(TimeProvider));
            _timeProvider = value;
        }
    }

    /// <summary>The wait before attempt <paramref name="failures"/> + 1, given a random <paramref name="unit"/> in [0, 1).</summary>
    internal TimeSpan BackoffFor(int failures, double unit)
    {
        var nominal = InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30));
        var jittered = Math.Min(nominal, MaxBackoff.TotalMilliseconds) * (1 + (BackoffJitter * ((2 * unit) - 1)));
        return TimeSpan.FromMilliseconds(Math.Clamp(jittered, 0, MaxBackoff.TotalMilliseconds));
    }
}

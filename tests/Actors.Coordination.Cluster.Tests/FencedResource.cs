namespace Actors.Coordination.Cluster.Tests;

/// <summary>
/// The resource a lock protects, as the issue describes it: a table that rejects writes carrying a token lower than
/// the highest it has seen. It also records what it accepted, so a test can check that the tokens it saw strictly
/// increase from holder to holder and that no two holders' writes interleaved.
/// </summary>
internal sealed class FencedResource
{
    private readonly Lock _gate = new();
    private readonly List<long> _holders = [];
    private long _highest;
    private long? _current;

    public int Rejected { get; private set; }

    public int Interleaved { get; private set; }

    /// <summary>The tokens of the holders whose first write was accepted, in order.</summary>
    public IReadOnlyList<long> Holders
    {
        get
        {
            lock (_gate)
            {
                return [.. _holders];
            }
        }
    }

    /// <summary>A write with <paramref name="token"/>; false when rejected (a lower token than the highest seen).</summary>
    public bool Write(long token)
    {
        lock (_gate)
        {
            if (token < _highest)
            {
                Rejected++;
                return false;
            }

            if (token > _highest)
            {
                // A new holder: the previous one must have finished (written its last write) before.
                if (_current is not null)
                {
                    Interleaved++;
                }

                _highest = token;
                _holders.Add(token);
            }

            _current = token;
            return true;
        }
    }

    /// <summary>The holder with <paramref name="token"/> wrote its last write.</summary>
    public void Finish(long token)
    {
        lock (_gate)
        {
            if (_current == token)
            {
                _current = null;
            }
        }
    }
}

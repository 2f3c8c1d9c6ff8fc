namespace Actors.Coordination.Tests;

/// <summary>A resource guarded by fencing tokens: it refuses a token not above the highest it saw, and counts overlapping writers.</summary>
internal sealed class FencedResource
{
    private readonly Lock _gate = new();
    private long _highest;
    private int _inside;

    public int Writes { get; private set; }

    public int MaxInside { get; private set; }

    /// <summary>One write under <paramref name="token"/>; throws when the token is stale.</summary>
    public async Task WriteAsync(long token)
    {
        lock (_gate)
        {
            if (token <= _highest)
            {
                throw new InvalidOperationException($"Token {token} is not above {_highest}: two holders.");
            }

            _highest = token;
            _inside++;
            MaxInside = Math.Max(MaxInside, _inside);
        }

        // Let other contenders run while this one is "inside".
        await Task.Yield();
        lock (_gate)
        {
            _inside--;
            Writes++;
        }
    }
}

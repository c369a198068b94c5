namespace PeerEthics.Registry;

/// <summary>
/// The registry's "last updated" moment, kept for a few seconds so that busy pages do not ask the database for it on
/// every request. A save that changes what the registry shows (<see cref="RegistryStamper"/>) forgets it at once in
/// this process; a change made by another process (a command) shows within <see cref="Lifetime"/>.
/// </summary>
public sealed class RegistryFreshness(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private Known? _known;

    public async Task<DateTimeOffset?> GetAsync(Func<Task<DateTimeOffset?>> read)
    {
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref _known) is { } known && now >= known.ReadAt && now - known.ReadAt < Lifetime)
        {
            return known.Value;
        }

        var value = await read();
        Volatile.Write(ref _known, new Known(value, now));
        return value;
    }

    public void Forget() => Volatile.Write(ref _known, null);

    private sealed record Known(DateTimeOffset? Value, DateTimeOffset ReadAt);
}

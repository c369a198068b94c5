namespace PeerEthics.Data;

/// <summary>
/// A lock between processes that dies with its holder: a lock file opened with no sharing (<c>flock</c> on Linux,
/// which the kernel releases when the process ends, however it ends). For work a killed process must not leave
/// half done or locked: migrating SQLite, creating the ledger's signing key.
/// </summary>
public static class ExclusiveFileLock
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Takes <paramref name="lockFile"/>, waiting up to <paramref name="wait"/> while another holds it. Dispose the result to release it.</summary>
    /// <exception cref="TimeoutException">Another process held it for longer than <paramref name="wait"/>.</exception>
    public static async Task<IDisposable> AcquireAsync(string lockFile, TimeSpan wait, Action? onWaiting = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (TryOpen(lockFile, waited.Elapsed, wait) is { } held)
            {
                return held;
            }

            if (waited.Elapsed < Poll)
            {
                onWaiting?.Invoke();
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    /// <summary>The same, blocking: for a constructor or a service factory.</summary>
    public static IDisposable Acquire(string lockFile, TimeSpan wait)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (TryOpen(lockFile, waited.Elapsed, wait) is { } held)
            {
                return held;
            }

            Thread.Sleep(Poll);
        }
    }

    private static FileStream? TryOpen(string lockFile, TimeSpan waited, TimeSpan wait)
    {
        try
        {
            return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException) when (waited < wait)
        {
            return null;
        }
        catch (IOException e)
        {
            throw new TimeoutException($"Another process has held {lockFile} for more than {wait.TotalSeconds:0} s. Stop it, or wait and try again.", e);
        }
    }
}

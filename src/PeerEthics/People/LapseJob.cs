using Microsoft.EntityFrameworkCore;

namespace PeerEthics.People;

/// <summary>
/// Once a day (by the app's clock), lapses credentials past their grace period, recording why
/// (<see cref="CredentialLifecycle.LapseOverdueAsync"/>). <c>People:LapseDaily=false</c> turns it off, e.g. where
/// another server of the same database runs it, or in tests that drive the clock themselves.
/// </summary>
public sealed partial class LapseJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<LapseJob> logger) : BackgroundService
{
    /// <summary>Runs a minute after start, out of start-up's way (the database is prepared before the server starts), then every day.</summary>
    public static readonly TimeSpan FirstRunAfter = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("People:LapseDaily", true))
        {
            return;
        }

        var wait = FirstRunAfter;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            wait = TimeSpan.FromDays(1);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var lapsed = await scope.ServiceProvider.GetRequiredService<CredentialLifecycle>().LapseOverdueAsync(stoppingToken);
                LogLapsed(logger, lapsed.Count);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone changed one of the credentials meanwhile; the next run looks again.
                wait = TimeSpan.FromMinutes(5);
            }
#pragma warning disable CA1031 // A failed run must not stop tomorrow's; it is logged.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogFailed(logger, exception);
                wait = TimeSpan.FromHours(1);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily lapse check: {Count} credential(s) lapsed.")]
    private static partial void LogLapsed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The daily lapse check failed; it will try again in an hour.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
